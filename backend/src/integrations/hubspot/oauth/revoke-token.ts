import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotApp } from '../hubspot-app'
import { oauthUrls } from '../hubspot-app'
import type { OAuthErrorCode } from './interpret-oauth-error'
import { interpretOAuthError, readJson } from './interpret-oauth-error'
import type { HubspotTransport } from '../client/send-to-hubspot'
import { sendToHubspot } from '../client/send-to-hubspot'

export function revokeRequest(app: HubspotApp, refreshToken: string): Request {
  return new Request(oauthUrls(app).revoke, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      token: refreshToken,
      token_type_hint: 'refresh_token',
    }),
  })
}

/** `already_dead` is success for a disconnect: HubSpot no longer honours the token either way. */
export async function processRevokeResponse(
  response: Response,
): Promise<Result<'revoked' | 'already_dead', OAuthErrorCode>> {
  if (response.ok) return ok('revoked')
  const code = interpretOAuthError(response.status, await readJson(response), 'refresh_token')
  return code === 'invalid_refresh_token' ? ok('already_dead') : err(code)
}

export async function revokeRefreshToken(
  transport: HubspotTransport,
  app: HubspotApp,
  refreshToken: string,
): Promise<Result<'revoked' | 'already_dead', OAuthErrorCode>> {
  const sent = await sendToHubspot(transport, revokeRequest(app, refreshToken))
  if (!sent.ok) return err('unavailable')
  return processRevokeResponse(sent.value)
}
