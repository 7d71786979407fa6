import type { PortalDetails } from '@churnlens/contracts'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import { sendToHubspot } from '../oauth/send-to-hubspot'
import type { IntegrationRow } from '../save-oauth-connection'
import type { CredentialError, TokenKeeper } from '../tokens/token-keeper'

export type HubspotCallError = CredentialError | 'hubspot_invalid_response' | 'forbidden'

type ClientDeps = Pick<AppDeps, 'fetch' | 'hubspot' | 'metrics'> & { tokens: TokenKeeper }

const accountDetails = z.object({
  portalId: z.number().int(),
  timeZone: z.string(),
  companyCurrency: z.string(),
  dataHostingLocation: z.string(),
  uiDomain: z.string(),
})

/**
 * HubSpot's API for one integration. The credential comes from `fromIntegration` by auth type
 * (an OAuth access token kept fresh, or a private-app token); nothing else in the code cares which.
 */
export class HubspotClient {
  private constructor(
    private readonly deps: ClientDeps,
    private readonly integrationId: string,
    private readonly authType: IntegrationRow['authType'],
  ) {}

  static fromIntegration(deps: ClientDeps, integration: Pick<IntegrationRow, 'id' | 'authType'>): HubspotClient {
    return new HubspotClient(deps, integration.id, integration.authType)
  }

  /** One API call with a valid credential. A 401 gets one forced refresh and one retry. */
  async send(path: string, init: { method?: string; body?: unknown } = {}): Promise<Result<Response, HubspotCallError>> {
    let credential = await this.deps.tokens.ensureValidToken(this.integrationId)
    for (let attempt = 0; ; attempt++) {
      if (!credential.ok) return err(credential.error)
      const sent = await sendToHubspot(this.deps.fetch, new Request(`${this.deps.hubspot.apiBaseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${credential.value.token}`,
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }))
      if (!sent.ok) {
        this.deps.metrics.hubspotRequests.inc({ kind: 'api', status: sent.error.kind })
        return err('hubspot_unavailable')
      }
      const response = sent.value
      this.deps.metrics.hubspotRequests.inc({ kind: 'api', status: String(response.status) })
      if (response.status !== 401) return ok(response)
      if (this.authType === 'api_key') {
        await this.deps.tokens.reportRejectedCredential(this.integrationId, 'api_key_rejected')
        return err('needs_reauth')
      }
      if (attempt > 0) return err('hubspot_unavailable')
      // HubSpot says a 401 alone is no proof the token is dead; refresh once and see.
      credential = await this.deps.tokens.ensureValidToken(this.integrationId, { rejectedVersion: credential.value.version })
    }
  }

  async getAccountDetails(): Promise<Result<PortalDetails, HubspotCallError>> {
    const response = await this.send('/account-info/v3/details')
    if (!response.ok) return response
    if (response.value.status === 403) return err('forbidden')
    if (response.value.status >= 500 || response.value.status === 429) return err('hubspot_unavailable')
    const parsed = accountDetails.safeParse(await response.value.json().catch(() => null))
    if (!response.value.ok || !parsed.success) return err('hubspot_invalid_response')
    const { portalId, timeZone, companyCurrency, dataHostingLocation, uiDomain } = parsed.data
    return ok({ portalId, timeZone, currency: companyCurrency, dataHostingLocation, uiDomain })
  }
}
