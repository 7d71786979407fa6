import type { Result } from '../result'
import { ok } from '../result'
import type { SimPortal } from '../state/portals'
import type { AuthorizeFailure, AuthorizeRequest } from './validate-authorize-request'
import { fail } from './validate-authorize-request'

/** Scopes in `scope` must all be grantable; optional ones the account can't grant are silently dropped. */
export function grantScopes(request: AuthorizeRequest, portal: SimPortal): Result<string[], AuthorizeFailure> {
  const grantable = portal.grantableScopes ? new Set(portal.grantableScopes) : undefined
  const canGrant = (scope: string): boolean => grantable === undefined || grantable.has(scope)
  const refused = request.scopes.filter((scope) => !canGrant(scope))
  if (refused.length > 0) {
    return fail('SCOPES_NOT_GRANTABLE', `This account can't grant the scopes the app requires: ${refused.join(', ')}.`)
  }
  const optional = request.optionalScopes.filter((scope) => canGrant(scope) && !request.scopes.includes(scope))
  return ok([...request.scopes, ...optional])
}
