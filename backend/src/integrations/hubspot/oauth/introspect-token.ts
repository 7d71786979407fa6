import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotApp } from '../hubspot-app'
import { oauthUrls } from '../hubspot-app'
import type { OAuthErrorCode } from './interpret-oauth-error'
import { interpretOAuthError, readJson } from './interpret-oauth-error'
import type { HubspotTransport } from '../client/send-to-hubspot'
import { sendToHubspot } from '../client/send-to-hubspot'

const activeToken = z.object({
  active: z.literal(true),
  client_id: z.string().optional(),
  hub_id: z.number().int(),
  hub_domain: z.string().optional(),
  scopes: z.array(z.string()),
  expires_in: z.number().optional(),
  user: z.string().optional(),
})
const introspection = z.union([activeToken, z.object({ active: z.literal(false) })])

export type TokenInfo =
  | { active: false }
  | { active: true; clientId: string | null; hubId: number; hubDomain: string | null; scopes: string[] }

/**
 * Introspection is the authority on the portal and the granted scopes, and the only answer that says whether a token
 * is live and whose app it belongs to. Token responses have carried `hub_id` and `scopes` since 2025-08 (and the v3
 * and dated ones `token_use` and `user_id`); the callback checks them against this.
 */
export function introspectRequest(app: HubspotApp, token: string, hint: 'access_token' | 'refresh_token'): Request {
  return new Request(oauthUrls(app).introspect, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      token,
      token_type_hint: hint,
    }),
  })
}

export async function processIntrospectResponse(response: Response): Promise<Result<TokenInfo, OAuthErrorCode>> {
  const body = await readJson(response)
  if (!response.ok) return err(interpretOAuthError(response.status, body, 'refresh_token'))
  const parsed = introspection.safeParse(body)
  if (!parsed.success) return err('invalid_response')
  if (!parsed.data.active) return ok({ active: false })
  const info = parsed.data
  return ok({
    active: true,
    clientId: info.client_id ?? null,
    hubId: info.hub_id,
    hubDomain: info.hub_domain ?? null,
    scopes: info.scopes,
  })
}

export async function introspectToken(
  transport: HubspotTransport,
  app: HubspotApp,
  token: string,
  hint: 'access_token' | 'refresh_token',
): Promise<Result<TokenInfo, OAuthErrorCode>> {
  const sent = await sendToHubspot(transport, introspectRequest(app, token, hint))
  if (!sent.ok) return err('unavailable')
  return processIntrospectResponse(sent.value)
}
