import type { CallbackErrorCode } from '@churnlens/contracts'
import { missingScopes, requiredScopes } from '@churnlens/contracts'
import type { AppDeps } from '../../../app-deps'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { GrantedPortal } from '../save-oauth-connection'
import type { OAuthErrorCode } from './interpret-oauth-error'
import { introspectToken } from './introspect-token'
import type { TokenSet } from './token-grant'
import { requestTokens } from './token-grant'

type Deps = Pick<AppDeps, 'hubspot' | 'fetch' | 'logger'>

export type RedeemErrorCode = Extract<
  CallbackErrorCode,
  | 'code_invalid'
  | 'code_expired'
  | 'redirect_uri_mismatch'
  | 'hubspot_client_rejected'
  | 'hubspot_unavailable'
  | 'hubspot_invalid_response'
  | 'missing_scopes'
>

export const fromOAuthError: Record<OAuthErrorCode, RedeemErrorCode> = {
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
 * Exchanges an authorization code (with our configured redirect URI, and the PKCE verifier when
 * the consent carried our challenge), then learns the portal and scopes by introspection and checks
 * the token response agrees. A grant that fails a check after the exchange is nothing to keep.
 */
export async function redeemCode(
  deps: Deps,
  input: { code: string; codeVerifier: string | null; redirectUri: string },
): Promise<Result<{ tokens: TokenSet; portal: GrantedPortal }, RedeemErrorCode>> {
  const tokens = await requestTokens(deps, deps.hubspot, { grant: 'authorization_code', ...input })
  if (!tokens.ok) {
    deps.logger.warn({ reason: tokens.error }, 'hubspot code exchange failed')
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
  return ok({
    tokens: tokens.value,
    portal: { hubId: info.value.hubId, hubDomain: info.value.hubDomain, scopes: info.value.scopes },
  })
}
