import { describe, expect, it } from 'vitest'
import { interpretOAuthError } from './interpret-oauth-error'

const body = (status: string, error = 'invalid_grant') => ({ status, message: 'm', error, error_description: 'm' })

describe('interpreting HubSpot token errors', () => {
  it.each([
    [400, body('BAD_AUTH_CODE'), 'authorization_code', 'invalid_code'],
    [400, body('EXPIRED_AUTH_CODE'), 'authorization_code', 'expired_code'],
    [400, body('BAD_REDIRECT_URI'), 'authorization_code', 'redirect_uri_mismatch'],
    [400, body('BAD_CLIENT_ID', 'invalid_client'), 'authorization_code', 'client_rejected'],
    [401, body('BAD_CLIENT_SECRET', 'invalid_client'), 'refresh_token', 'client_rejected'],
    [400, body('BAD_REFRESH_TOKEN'), 'refresh_token', 'invalid_refresh_token'],
    // Only the RFC fields, as a future HubSpot might send.
    [400, { error: 'invalid_grant' }, 'refresh_token', 'invalid_refresh_token'],
    [400, { error: 'invalid_grant' }, 'authorization_code', 'invalid_code'],
    [400, { error: 'invalid_client' }, 'refresh_token', 'client_rejected'],
    // Only the legacy fields, as HubSpot sent before v3.
    [
      400,
      { status: 'BAD_REFRESH_TOKEN', message: 'missing or invalid refresh token' },
      'refresh_token',
      'invalid_refresh_token',
    ],
    [429, { status: 'error', policyName: 'TEN_SECONDLY_ROLLING' }, 'refresh_token', 'rate_limited'],
    [502, undefined, 'refresh_token', 'unavailable'],
    [503, 'Invalid JSON', 'authorization_code', 'unavailable'],
    [400, 'Invalid JSON', 'authorization_code', 'invalid_response'],
    [400, { status: 'SOMETHING_NEW' }, 'authorization_code', 'invalid_response'],
  ] as const)('%i %j (%s) → %s', (status, payload, grant, expected) => {
    expect(interpretOAuthError(status, payload, grant)).toBe(expected)
  })
})
