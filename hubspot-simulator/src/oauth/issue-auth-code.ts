import type { Install } from '../state/installs'
import { findInstall, installKey } from '../state/installs'
import type { SimPortal } from '../state/portals'
import type { SimState } from '../state/sim-state'
import type { AuthCode } from '../state/tokens'
import type { AuthorizeRequest } from './validate-authorize-request'

/**
 * Granting consent installs the app (as in HubSpot, before any code exchange) and mints a
 * single-use code bound to client, redirect URI, portal, install and PKCE challenge.
 */
export function issueAuthCode(
  state: SimState,
  request: AuthorizeRequest,
  portal: SimPortal,
  scopes: string[],
): AuthCode {
  const install = upsertInstall(state, request.app.appId, portal, scopes)
  const code: AuthCode = {
    code: state.random.uuid('auth-code'),
    appId: request.app.appId,
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    portalId: portal.portalId,
    installId: install.id,
    ...(request.codeChallenge ? { codeChallenge: request.codeChallenge } : {}),
    expiresAt: state.clock.now() + state.settings.codeTtlSeconds * 1000,
    used: false,
  }
  state.codes.set(code.code, code)
  return code
}

/** Re-authorizing keeps the install (and its live tokens) and replaces the granted scopes. */
function upsertInstall(state: SimState, appId: number, portal: SimPortal, scopes: string[]): Install {
  const existing = findInstall(state.installs, appId, portal.portalId)
  if (existing) {
    existing.scopes = scopes
    return existing
  }
  const user = portal.users[0]
  if (!user) throw new Error(`portal ${portal.portalId} has no user to install the app`)
  const install: Install = {
    id: state.nextInstallId++,
    appId,
    portalId: portal.portalId,
    user,
    scopes,
    installedAt: state.clock.now(),
  }
  state.installs.set(installKey(appId, portal.portalId), install)
  return install
}
