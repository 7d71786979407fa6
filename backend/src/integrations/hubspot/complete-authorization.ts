import type { CallbackBody, CallbackErrorCode } from '@churnlens/contracts'
import { missingScopes, requiredScopes } from '@churnlens/contracts'
import type { AppDeps, SessionInfo } from '../../app-deps'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { consumeState } from './consume-state'
import type { OAuthErrorCode } from './oauth/interpret-oauth-error'
import { findHubspotIntegration } from './find-integration'
import { introspectToken } from './oauth/introspect-token'
import { revokeRefreshToken } from './oauth/revoke-token'
import { requestTokens } from './oauth/token-grant'
import type { IntegrationRow } from './integration-row'
import { saveOAuthConnection } from './save-oauth-connection'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>

const fromOAuthError: Record<OAuthErrorCode, CallbackErrorCode> = {
  invalid_code: 'code_invalid',
  expired_code: 'code_expired',
  redirect_uri_mismatch: 'redirect_uri_mismatch',
  client_rejected: 'hubspot_client_rejected',
  invalid_refresh_token: 'code_invalid',
  rate_limited: 'hubspot_unavailable',
  unavailable: 'hubspot_unavailable',
  invalid_response: 'hubspot_invalid_response',
}

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

  const tokens = await requestTokens(deps, deps.hubspot, {
    grant: 'authorization_code',
    code: body.code,
    codeVerifier: verifier.value,
    redirectUri: state.value.redirectUri,
  })
  if (!tokens.ok) {
    deps.logger.warn({ workspaceId: session.workspaceId, reason: tokens.error }, 'hubspot code exchange failed')
    return err(fromOAuthError[tokens.error])
  }

  const info = await introspectToken(deps, deps.hubspot, tokens.value.accessToken, 'access_token')
  if (!info.ok) return err(fromOAuthError[info.error])
  if (!info.value.active) return err('hubspot_invalid_response')
  if (info.value.clientId !== null && info.value.clientId !== deps.hubspot.clientId)
    return err('hubspot_invalid_response')
  // A token response naming another portal than its own introspection is nothing to store.
  if (tokens.value.hubId !== null && tokens.value.hubId !== info.value.hubId) return err('hubspot_invalid_response')
  if (missingScopes(info.value.scopes, requiredScopes).length > 0) return err('missing_scopes')

  const existing = await findHubspotIntegration(deps.db, session.workspaceId)
  const switching =
    existing && existing.status !== 'disconnected' && existing.hubId !== null && existing.hubId !== info.value.hubId
  if (switching && !state.value.allowPortalSwitch) {
    // Not ours to keep: give the unwanted grant back rather than leave it live at HubSpot.
    await revokeRefreshToken(deps, deps.hubspot, tokens.value.refreshToken)
    deps.logger.info(
      { workspaceId: session.workspaceId, connectedHubId: existing.hubId },
      'portal switch refused without confirmation',
    )
    return err('portal_switch_unconfirmed')
  }

  const row = await saveOAuthConnection(deps, session, tokens.value, {
    hubId: info.value.hubId,
    hubDomain: info.value.hubDomain,
    scopes: info.value.scopes,
  })
  deps.logger.info({ workspaceId: session.workspaceId, integrationId: row.id, hubId: row.hubId }, 'hubspot connected')
  return ok(row)
}
