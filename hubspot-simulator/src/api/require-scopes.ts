import type { MiddlewareHandler } from 'hono'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'

/**
 * 403 MISSING_SCOPES unless the caller (set by bearerAuth) holds the scopes. `mode: 'any'` is for
 * endpoints HubSpot opens to one of several scopes, e.g. properties accept schemas or objects scopes.
 */
export function requireScopes(scopes: readonly string[], mode: 'all' | 'any' = 'all'): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const granted = new Set(c.get('auth').scopes)
    const satisfied = mode === 'all' ? scopes.every((scope) => granted.has(scope)) : scopes.some((scope) => granted.has(scope))
    if (satisfied) return next()
    return hubspotError(c, 403, {
      message:
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredScopes: [...scopes] } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
      category: 'MISSING_SCOPES',
    })
  }
}
