import type { Context } from 'hono'
import type { SimEnv } from '../http/sim-env'

/**
 * Token-endpoint failures. HubSpot answers 400 with its legacy `{status, message}` plus the RFC 6749
 * `{error, error_description}` fields (same text), and no correlationId (HubSpot's own example of a 2026-03 token
 * error has none, unlike its API errors).
 */
export const oauthErrors = {
  BAD_AUTH_CODE: { error: 'invalid_grant', message: 'missing or unknown auth code' },
  EXPIRED_AUTH_CODE: { error: 'invalid_grant', message: 'auth code has expired' },
  BAD_REFRESH_TOKEN: { error: 'invalid_grant', message: 'refresh token is invalid, expired or revoked' },
  BAD_REDIRECT_URI: {
    error: 'invalid_grant',
    message: 'redirect_uri does not match the redirect_uri used to obtain the auth code',
  },
  BAD_CLIENT_ID: { error: 'invalid_client', message: 'missing or invalid client id' },
  BAD_CLIENT_SECRET: { error: 'invalid_client', message: 'missing or invalid client secret' },
  BAD_GRANT_TYPE: { error: 'unsupported_grant_type', message: 'missing or unsupported grant_type' },
  BAD_CONTENT_TYPE: { error: 'invalid_request', message: 'Content-Type must be application/x-www-form-urlencoded' },
} as const

export type OAuthErrorCode = keyof typeof oauthErrors

export interface OAuthFailure {
  code: OAuthErrorCode
  /** Overrides the table's text, e.g. "refresh token was not issued to this client". */
  message?: string
}

export function oauthError(c: Context<SimEnv>, failure: OAuthFailure): Response {
  const entry = oauthErrors[failure.code]
  const message = failure.message ?? entry.message
  return c.json(
    {
      status: failure.code,
      message,
      error: entry.error,
      error_description: message,
    },
    400,
  )
}
