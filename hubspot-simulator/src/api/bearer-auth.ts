import type { Context, MiddlewareHandler } from 'hono'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'
import { resolveAccessToken } from '../state/resolve-token'
import type { SimState } from '../state/sim-state'
import type { AuthContext } from './auth-context'
import { describeExpiry } from './describe-expiry'

const authFailureHeader = { 'x-hubspot-auth-failure': '401 Unauthorized' }

const credentialsNotFound =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview'

/**
 * `Authorization: Bearer <token>` for every API route: OAuth access tokens of live installs and
 * private-app tokens (`pat-…`). Sets `c.var.auth`; answers 401 with HubSpot's bodies otherwise.
 */
export function bearerAuth(state: SimState): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const token = readBearer(c.req.header('authorization'))
    if (!token) return invalidAuthentication(c)

    const privatePortal = state.portals.find((portal) => portal.privateAppToken === token)
    if (privatePortal) {
      c.set('auth', {
        kind: 'private-app',
        token,
        portalId: privatePortal.portalId,
        appId: null,
        scopes: privatePortal.privateAppScopes,
      })
      return next()
    }

    const resolved = resolveAccessToken(state, token)
    if (resolved.status === 'unknown' || resolved.status === 'revoked') return invalidAuthentication(c)
    if (resolved.status === 'expired') {
      const elapsed = state.clock.now() - resolved.record.expiresAt
      return hubspotError(
        c,
        401,
        {
          message: `The OAuth token used to make this call expired ${describeExpiry(elapsed)} ago.`,
          category: 'EXPIRED_AUTHENTICATION',
          context: { 'expire time': [new Date(resolved.record.expiresAt).toISOString()] },
        },
        authFailureHeader,
      )
    }
    const auth: AuthContext = {
      kind: 'oauth',
      token,
      portalId: resolved.install.portalId,
      appId: resolved.install.appId,
      scopes: resolved.install.scopes,
    }
    c.set('auth', auth)
    return next()
  }
}

function readBearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match?.[1]
}

function invalidAuthentication(c: Context<SimEnv>): Response {
  return hubspotError(c, 401, { message: credentialsNotFound, category: 'INVALID_AUTHENTICATION' }, authFailureHeader)
}
