import type { OAuthErrorCode } from '../oauth/interpret-oauth-error'

/** Dead grants go to needs_reauth and are never retried; everything else is transient. */
export type RefreshFailure =
  | { kind: 'dead'; errorCode: 'refresh_token_revoked' }
  | {
      kind: 'transient'
      errorCode: 'hubspot_unavailable' | 'hubspot_rate_limited' | 'hubspot_invalid_response' | 'hubspot_client_rejected'
    }

export function classifyRefreshFailure(code: OAuthErrorCode): RefreshFailure {
  switch (code) {
    case 'invalid_refresh_token':
    case 'invalid_code':
    case 'expired_code':
      return { kind: 'dead', errorCode: 'refresh_token_revoked' }
    case 'rate_limited':
      return { kind: 'transient', errorCode: 'hubspot_rate_limited' }
    case 'invalid_response':
      return { kind: 'transient', errorCode: 'hubspot_invalid_response' }
    // Our own app credentials are wrong: every connection fails alike and no reconnect fixes
    // it, so the connections stay degraded (and alert operators) rather than asking users.
    case 'client_rejected':
    case 'redirect_uri_mismatch':
      return { kind: 'transient', errorCode: 'hubspot_client_rejected' }
    case 'unavailable':
      return { kind: 'transient', errorCode: 'hubspot_unavailable' }
  }
}
