import type { Context, MiddlewareHandler } from 'hono'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'

/**
 * 403 MISSING_SCOPES unless the caller (set by bearerAuth) holds the scopes. `mode: 'any'` is for
 * endpoints HubSpot opens to one of several scopes, e.g. properties accept schemas or objects scopes.
 */
export function requireScopes(scopes: readonly string[], mode: 'all' | 'any' = 'all'): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    if (hasScopes(c.get('auth').scopes, scopes, mode)) return next()
    return missingScopes(c, scopes)
  }
}

export function hasScopes(granted: readonly string[], scopes: readonly string[], mode: 'all' | 'any' = 'all'): boolean {
  const held = new Set(granted)
  return mode === 'all' ? scopes.every((scope) => held.has(scope)) : scopes.some((scope) => held.has(scope))
}

/** HubSpot's 403 body, for handlers whose required scopes depend on the path (e.g. the CRM object type). */
export function missingScopes(c: Context<SimEnv>, scopes: readonly string[]): Response {
  return hubspotError(c, 403, {
    message:
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    errors: [
      { message: 'One or more of the following scopes are required.', context: { requiredScopes: [...scopes] } },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
    category: 'MISSING_SCOPES',
  })
}
