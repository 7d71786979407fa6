import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotTransport } from '../client/send-to-hubspot'
import { sendToHubspot } from '../client/send-to-hubspot'
import type { HubspotApp } from '../hubspot-app'

export type PrivateAppTokenError = 'api_key_invalid' | 'hubspot_unavailable' | 'hubspot_invalid_response'

export interface PrivateAppTokenInfo {
  hubId: number
  scopes: string[]
}

const tokenInfo = z.object({
  hubId: z.number().int(),
  scopes: z.array(z.string()),
  appId: z.number().optional(),
  userId: z.number().optional(),
})

/** HubSpot's private-app token-info call: the token goes in the body, never the URL. */
export function tokenInfoRequest(app: HubspotApp, token: string): Request {
  return new Request(`${app.apiBaseUrl}/oauth/v2/private-apps/get/access-token-info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ tokenKey: token }),
  })
}

/** The portal and scopes a private-app token carries; a token HubSpot does not know is invalid. */
export async function processTokenInfoResponse(
  response: Response,
): Promise<Result<PrivateAppTokenInfo, PrivateAppTokenError>> {
  if (response.status >= 500 || response.status === 429) return err('hubspot_unavailable')
  if (!response.ok) return err('api_key_invalid')
  const info = tokenInfo.safeParse(await response.json().catch(() => null))
  return info.success ? ok({ hubId: info.data.hubId, scopes: info.data.scopes }) : err('hubspot_invalid_response')
}

export async function readTokenInfo(
  transport: HubspotTransport,
  app: HubspotApp,
  token: string,
): Promise<Result<PrivateAppTokenInfo, PrivateAppTokenError>> {
  const sent = await sendToHubspot(transport, tokenInfoRequest(app, token))
  return sent.ok ? processTokenInfoResponse(sent.value) : err('hubspot_unavailable')
}
