import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotApp } from '../hubspot-app'
import { oauthUrls } from '../hubspot-app'
import type { OAuthErrorCode } from './interpret-oauth-error'
import { interpretOAuthError, readJson } from './interpret-oauth-error'
import type { HubspotTransport } from '../client/send-to-hubspot'
import { sendToHubspot } from '../client/send-to-hubspot'

export type TokenGrant =
  /** `codeVerifier` null: an install started from HubSpot, whose consent carried no PKCE challenge of ours. */
  | { grant: 'authorization_code'; code: string; codeVerifier: string | null; redirectUri: string }
  | { grant: 'refresh_token'; refreshToken: string }

const tokenResponse = z.object({
  access_token: z.string().min(1).max(2048),
  refresh_token: z.string().min(1).max(2048),
  expires_in: z.number().int().positive(),
  token_type: z.string().optional(),
  // Since 2025-08 HubSpot names the portal and the granted scopes here too (v3 and dated endpoints add token_use).
  hub_id: z.number().int().optional(),
  scopes: z.array(z.string()).optional(),
})

export interface TokenSet {
  accessToken: string
  refreshToken: string
  expiresInSeconds: number
  /** The portal and scopes as the token response states them; null where HubSpot left them out. */
  hubId: number | null
  scopes: string[] | null
}

/** Builds the form POST for HubSpot's date-versioned token endpoint (credentials in the body, never the URL). */
export function tokenGrantRequest(app: HubspotApp, grant: TokenGrant): Request {
  const form = new URLSearchParams({
    grant_type: grant.grant,
    client_id: app.clientId,
    client_secret: app.clientSecret,
  })
  if (grant.grant === 'authorization_code') {
    form.set('code', grant.code)
    form.set('redirect_uri', grant.redirectUri)
    if (grant.codeVerifier !== null) form.set('code_verifier', grant.codeVerifier)
  } else {
    form.set('refresh_token', grant.refreshToken)
  }
  return new Request(oauthUrls(app).token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form,
  })
}

/** Pure interpretation of the token endpoint's answer. */
export async function processTokenResponse(
  response: Response,
  grant: TokenGrant['grant'],
): Promise<Result<TokenSet, OAuthErrorCode>> {
  const body = await readJson(response)
  if (!response.ok) return err(interpretOAuthError(response.status, body, grant))
  const parsed = tokenResponse.safeParse(body)
  if (!parsed.success) return err('invalid_response')
  return ok({
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token,
    expiresInSeconds: parsed.data.expires_in,
    hubId: parsed.data.hub_id ?? null,
    scopes: parsed.data.scopes ?? null,
  })
}

export async function requestTokens(
  transport: HubspotTransport,
  app: HubspotApp,
  grant: TokenGrant,
): Promise<Result<TokenSet, OAuthErrorCode>> {
  const sent = await sendToHubspot(transport, tokenGrantRequest(app, grant))
  if (!sent.ok) return err('unavailable')
  return processTokenResponse(sent.value, grant.grant)
}
