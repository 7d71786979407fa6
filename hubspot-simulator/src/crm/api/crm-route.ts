import type { Context, Handler } from 'hono'
import type { AuthContext } from '../../api/auth-context'
import { hasScopes, missingScopes } from '../../api/require-scopes'
import { hubspotError } from '../../http/hubspot-error'
import type { SimEnv } from '../../http/sim-env'
import type { SimState } from '../../state/sim-state'
import type { CrmObjectType } from '../change-feed'
import type { CrmWriteContext } from '../crm-write-context'
import { parseObjectType } from '../object-types'
import type { PortalCrm } from '../portal-crm'
import { portalCrmOf } from '../portal-crm-of'
import { findPortal } from '../../state/portals'

export interface CrmRouteContext {
  auth: AuthContext
  portal: PortalCrm
  /** Simulator clock at the start of the request. */
  now: number
  /** The portal user behind the call (its installing user); HubSpot stamps it on created definitions. */
  userId: number
  /** How far behind writes CRM search may be (settings.searchIndexLagMs). */
  searchIndexLagMs: number
  /** A write context stamped with the simulator clock and changeSource "API". */
  write(): CrmWriteContext
}

/** Which path parameters name object types, and the scopes each needs (`all` unless `mode: 'any'`). */
export interface TypeRequirement {
  param: string
  scopes: (type: CrmObjectType) => readonly string[]
  mode?: 'all' | 'any'
}

/**
 * Shared front of every CRM handler: resolves `:objectType`-style params (400 "Unable to infer object type"
 * like HubSpot), checks the scopes that depend on them (403 MISSING_SCOPES), then hands over the portal's CRM.
 */
export function crmRoute(
  state: SimState,
  requirements: readonly TypeRequirement[],
  handler: (c: Context<SimEnv>, types: CrmObjectType[], ctx: CrmRouteContext) => Response | Promise<Response>,
): Handler<SimEnv> {
  return (c) => {
    const types: CrmObjectType[] = []
    for (const requirement of requirements) {
      const raw = c.req.param(requirement.param)
      const type = parseObjectType(raw)
      if (!type)
        return hubspotError(c, 400, {
          message: `Unable to infer object type from: ${raw ?? ''}`,
          category: 'VALIDATION_ERROR',
        })
      types.push(type)
    }
    const auth = c.get('auth')
    for (const [index, requirement] of requirements.entries()) {
      const type = types[index]
      if (!type) continue
      const scopes = requirement.scopes(type)
      if (!hasScopes(auth.scopes, scopes, requirement.mode)) return missingScopes(c, scopes)
    }
    const portal = portalCrmOf(state, auth.portalId)
    const now = state.clock.now()
    const write = (): CrmWriteContext => ({
      portal,
      now: state.clock.now(),
      changes: state.changes,
      changeSource: 'API',
    })
    const userId = findPortal(state.portals, auth.portalId)?.users[0]?.userId ?? 0
    return handler(c, types, { auth, portal, now, userId, searchIndexLagMs: state.settings.searchIndexLagMs, write })
  }
}
