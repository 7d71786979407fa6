import type { CallbackBody, CallbackErrorCode } from '@churnlens/contracts'
import type { AppDeps, SessionInfo } from '../../app-deps'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { consumeState } from './consume-state'
import { findHubspotIntegration } from './find-integration'
import { revokeRefreshToken } from './oauth/revoke-token'
import { redeemCode } from './oauth/redeem-code'
import type { IntegrationRow } from './integration-row'
import { saveOAuthConnection } from './save-oauth-connection'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>

/**
 * The OAuth callback: consume the state, exchange the code (with our configured redirect URI and
 * the PKCE verifier), learn the portal and scopes by introspection (and check the token response agrees), then seal
 * and store.
 * Nothing is written to the integration unless every step succeeded.
 */
export async function completeAuthorization(
  deps: Deps,
  session: SessionInfo,
  body: CallbackBody,
): Promise<Result<IntegrationRow, CallbackErrorCode>> {
  const state = await consumeState(deps.db, body.state, session, deps.clock.now())
  if ('error' in body) {
    // Even a refusal burns the state; we report the refusal, which is what the person did.
    deps.logger.info({ workspaceId: session.workspaceId, hubspotError: body.error }, 'hubspot consent not granted')
    return err(body.error === 'access_denied' ? 'oauth_access_denied' : 'oauth_provider_error')
  }
  if (!state.ok) return err(state.error)

  const verifier = deps.cipher.open(state.value.codeVerifier, {
    table: 'oauth_states',
    rowId: state.value.stateHash,
    column: 'code_verifier',
  })
  if (!verifier.ok) throw new Error(`PKCE verifier for a fresh state failed to open: ${verifier.error}`)

  const redeemed = await redeemCode(deps, {
    code: body.code,
    codeVerifier: verifier.value,
    redirectUri: state.value.redirectUri,
  })
  if (!redeemed.ok) return err(redeemed.error)
  const { tokens, portal } = redeemed.value

  const existing = await findHubspotIntegration(deps.db, session.workspaceId)
  const switching =
    existing && existing.status !== 'disconnected' && existing.hubId !== null && existing.hubId !== portal.hubId
  if (switching && !state.value.allowPortalSwitch) {
    // Not ours to keep: give the unwanted grant back rather than leave it live at HubSpot.
    await revokeRefreshToken(deps, deps.hubspot, tokens.refreshToken)
    deps.logger.info(
      { workspaceId: session.workspaceId, connectedHubId: existing.hubId },
      'portal switch refused without confirmation',
    )
    return err('portal_switch_unconfirmed')
  }

  const row = await saveOAuthConnection(deps, session, tokens, portal)
  deps.logger.info({ workspaceId: session.workspaceId, integrationId: row.id, hubId: row.hubId }, 'hubspot connected')
  return ok(row)
}
