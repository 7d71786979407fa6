import type { Context, Hono } from 'hono'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'
import { describeExpiry } from '../api/describe-expiry'
import { resolveAccessToken, resolveRefreshToken } from '../state/resolve-token'
import type { SimState } from '../state/sim-state'
import { accessTokenInfo, refreshTokenInfo } from './token-info'

/** Deprecated v1 metadata routes; no auth header, the token is the path. @hubspot/api-client still uses them. */
export function registerV1Metadata(app: Hono<SimEnv>, state: SimState): void {
  app.get('/oauth/v1/access-tokens/:token', (c) => {
    const resolved = resolveAccessToken(state, c.req.param('token'))
    if (resolved.status === 'live') return c.json(accessTokenInfo(state, resolved.record, resolved.install, 'v1'))
    if (resolved.status === 'expired') {
      const elapsed = state.clock.now() - resolved.record.expiresAt
      return hubspotError(c, 401, {
        message: `The OAuth token used to make this call expired ${describeExpiry(elapsed)} ago.`,
        category: 'EXPIRED_AUTHENTICATION',
        context: { 'expire time': [new Date(resolved.record.expiresAt).toISOString()] },
      })
    }
    return notFound(c, 'access')
  })

  app.get('/oauth/v1/refresh-tokens/:token', (c) => {
    const resolved = resolveRefreshToken(state, c.req.param('token'))
    return resolved ? c.json(refreshTokenInfo(state, resolved.record, resolved.install)) : notFound(c, 'refresh')
  })

  app.delete('/oauth/v1/refresh-tokens/:token', (c) => {
    const resolved = resolveRefreshToken(state, c.req.param('token'))
    if (!resolved) return notFound(c, 'refresh')
    resolved.record.revoked = true
    return c.body(null, 204)
  })
}

function notFound(c: Context<SimEnv>, kind: 'access' | 'refresh'): Response {
  return hubspotError(c, 404, { message: `${kind === 'access' ? 'Access' : 'Refresh'} token not found` })
}
