import { createHash } from 'node:crypto'
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

/**
 * HubSpot's signed description of an access token. The scope fields are opaque base64 blobs in HubSpot (packed
 * scope-group ids); here they are base64 of the scope list, equally opaque to a client. v1 metadata sends no
 * `appInstallId` or `audience` (seen in a recorded live answer); introspection's spec requires both.
 */
function signedAccessToken(record: AccessTokenRecord, install: Install, endpoint: 'v1' | 'introspect') {
  const digest = (salt: string) => createHash('sha256').update(`${salt}:${record.token}`).digest('base64url')
  const scopes = Buffer.from(install.scopes.join(' ')).toString('base64')
  return {
    expiresAt: record.expiresAt,
    scopes,
    hubId: install.portalId,
    userId: install.user.userId,
    appId: install.appId,
    signature: digest('signature'),
    scopeToScopeGroupPks: scopes,
    newSignature: digest('newSignature'),
    hublet: 'na1',
    trialScopes: '',
    trialScopeToScopeGroupPks: '',
    isUserLevel: false,
    installingUserId: install.user.userId,
    isServiceAccount: false,
    isPrivateDistribution: false,
    ...(endpoint === 'introspect' ? { appInstallId: String(install.id), audience: String(install.appId) } : {}),
  }
}

export function accessTokenInfo(
  state: SimState,
  record: AccessTokenRecord,
  install: Install,
  endpoint: 'v1' | 'introspect',
) {
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
    signed_access_token: signedAccessToken(record, install, endpoint),
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
