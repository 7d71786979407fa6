import type { Hono } from 'hono'
import { z } from 'zod'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'

const body = z.object({ tokenKey: z.string() })

/**
 * POST /oauth/v2/private-apps/get/access-token-info `{ tokenKey }` → `{ userId, hubId, appId, scopes }`:
 * how a private-app token's portal and scopes are read (introspection is for OAuth tokens only).
 */
export function registerPrivateAppTokenInfo(app: Hono<SimEnv>, state: SimState): void {
  app.post('/oauth/v2/private-apps/get/access-token-info', async (c) => {
    const parsed = body.safeParse(await c.req.json().catch(() => null))
    if (!parsed.success)
      return hubspotError(c, 400, { message: 'Invalid input JSON: tokenKey is required', category: 'VALIDATION_ERROR' })
    const portal = state.portals.find((p) => p.privateAppToken === parsed.data.tokenKey)
    if (!portal) {
      return hubspotError(
        c,
        401,
        { message: 'The private app access token is invalid or has been revoked.', category: 'INVALID_AUTHENTICATION' },
        { 'x-hubspot-auth-failure': '401 Unauthorized' },
      )
    }
    return c.json({
      userId: portal.users[0]?.userId ?? 0,
      hubId: portal.portalId,
      appId: 900_000 + (portal.portalId % 1000),
      scopes: [...portal.privateAppScopes],
    })
  })
}
