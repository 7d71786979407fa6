import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import { accountDetailsRequest } from '../account/get-account-details'
import { toFetchRequest } from '../client/hubspot-request'
import type { HubspotTransport } from '../client/send-to-hubspot'
import { sendToHubspot } from '../client/send-to-hubspot'
import type { HubspotApp } from '../hubspot-app'
import type { PrivateAppTokenError } from './token-info'

/** A test call with the token itself: token-info can know a token the API still refuses. */
export function probeTokenRequest(app: HubspotApp, token: string): Request {
  return toFetchRequest(app.apiBaseUrl, accountDetailsRequest, token)
}

export async function processProbeResponse(response: Response): Promise<Result<void, PrivateAppTokenError>> {
  if (response.status >= 500 || response.status === 429) return err('hubspot_unavailable')
  return response.ok ? ok(undefined) : err('api_key_invalid')
}

export async function probeToken(
  transport: HubspotTransport,
  app: HubspotApp,
  token: string,
): Promise<Result<void, PrivateAppTokenError>> {
  const sent = await sendToHubspot(transport, probeTokenRequest(app, token))
  return sent.ok ? processProbeResponse(sent.value) : err('hubspot_unavailable')
}
