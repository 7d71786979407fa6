import type { FormParams } from '../http/read-form'
import type { Result } from '../result'
import { err, ok } from '../result'
import { issueAccessToken, issueRefreshToken } from '../state/issue-tokens'
import { resolveRefreshToken } from '../state/resolve-token'
import type { SimState } from '../state/sim-state'
import { authenticateClient } from './authenticate-client'
import type { OAuthFailure } from './errors'
import type { TokenResponse } from './token-response'
import { tokenResponse } from './token-response'

/**
 * grant_type=refresh_token (redirect_uri ignored). HubSpot hands back the same refresh token; with
 * `rotateRefreshTokens` a new one is issued and the old one dies, so clients must persist what they get.
 */
export function refreshGrant(
  state: SimState,
  params: FormParams,
  endpoint: 'v1' | 'current',
): Result<TokenResponse, OAuthFailure> {
  const client = authenticateClient(state, params.client_id, params.client_secret)
  if (!client.ok) return client

  const resolved = params.refresh_token === undefined ? undefined : resolveRefreshToken(state, params.refresh_token)
  if (!resolved) return err({ code: 'BAD_REFRESH_TOKEN' })
  if (resolved.record.clientId !== client.value.clientId) {
    return err({ code: 'BAD_REFRESH_TOKEN', message: 'refresh token was not issued to this client' })
  }

  let refreshToken = resolved.record.token
  if (state.settings.rotateRefreshTokens) {
    resolved.record.revoked = true
    refreshToken = issueRefreshToken(state, resolved.install, client.value.clientId).token
  }
  const access = issueAccessToken(state, resolved.install)
  return ok(tokenResponse(state, resolved.install, { refreshToken, accessToken: access.token }, endpoint))
}
