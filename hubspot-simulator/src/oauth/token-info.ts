import type { Install } from '../state/installs'
import { findPortal } from '../state/portals'
import type { SimState } from '../state/sim-state'
import type { AccessTokenRecord, RefreshTokenRecord } from '../state/tokens'

/** Fields shared by v1 metadata and v3 introspection, in HubSpot's snake_case. */
function installFields(state: SimState, install: Install) {
  return {
    hub_id: install.portalId,
    hub_domain: findPortal(state.portals, install.portalId)?.hubDomain ?? '',
    user: install.user.email,
    user_id: install.user.userId,
    scopes: [...install.scopes],
  }
}

/** Remaining lifetime in whole seconds, counting down with the simulator clock. */
export function remainingSeconds(state: SimState, record: AccessTokenRecord): number {
  return Math.max(0, Math.floor((record.expiresAt - state.clock.now()) / 1000))
}

export function accessTokenInfo(state: SimState, record: AccessTokenRecord, install: Install) {
  const { hub_id, hub_domain, user, user_id, scopes } = installFields(state, install)
  return {
    token: record.token,
    user,
    hub_domain,
    scopes,
    hub_id,
    app_id: install.appId,
    expires_in: remainingSeconds(state, record),
    user_id,
    token_type: 'access',
    is_private_distribution: false,
  }
}

export function refreshTokenInfo(state: SimState, record: RefreshTokenRecord, install: Install) {
  const { hub_id, hub_domain, user, user_id, scopes } = installFields(state, install)
  return {
    token: record.token,
    user,
    hub_domain,
    scopes,
    hub_id,
    client_id: record.clientId,
    user_id,
    token_type: 'refresh',
  }
}
