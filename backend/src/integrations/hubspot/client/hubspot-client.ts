import type { PortalDetails } from '@churnlens/contracts'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import { sendToHubspot } from './send-to-hubspot'
import type { IntegrationRow } from '../integration-row'
import type { CredentialError, TokenKeeper } from '../tokens/token-keeper'
import type { PortalBudget } from './portal-budgets'
import { decideRetry } from './retry-policy'

export type HubspotCallError = CredentialError | 'hubspot_invalid_response' | 'forbidden' | 'hubspot_daily_limit'

export type ClientDeps = Pick<AppDeps, 'fetch' | 'logger' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale'> & { tokens: TokenKeeper }

export interface SendOptions {
  method?: string
  body?: unknown
  /** CRM search has its own 5-per-second limit and does not count against the 10-second budget. */
  budget?: 'api' | 'search'
}

const accountDetails = z.object({
  portalId: z.number().int(),
  timeZone: z.string(),
  companyCurrency: z.string(),
  dataHostingLocation: z.string(),
  uiDomain: z.string(),
})

const headerNumber = (headers: Headers, name: string) => {
  const value = headers.get(name)
  return value === null || value === '' || Number.isNaN(Number(value)) ? null : Number(value)
}

/**
 * HubSpot's API for one integration. The credential comes from `fromIntegration` by auth type
 * (an OAuth access token kept fresh, or a private-app token); nothing else in the code cares which.
 * Every call waits for the portal's rate budget, and 429s, 5xx and timeouts are retried here, so
 * callers see a rate limit only as time, never as a failure.
 */
export class HubspotClient {
  private constructor(
    private readonly deps: ClientDeps,
    private readonly integration: Pick<IntegrationRow, 'id' | 'authType' | 'hubId'>,
    private readonly budget: PortalBudget,
  ) {}

  static fromIntegration(deps: ClientDeps, integration: Pick<IntegrationRow, 'id' | 'authType' | 'hubId'>): HubspotClient {
    return new HubspotClient(deps, integration, deps.budgets.for(integration.hubId, integration.authType))
  }

  async send(path: string, init: SendOptions = {}): Promise<Result<Response, HubspotCallError>> {
    const kind = init.budget ?? 'api'
    const limiter = this.budget[kind]
    let credential = await this.deps.tokens.ensureValidToken(this.integration.id)
    let refreshedAfter401 = false
    for (let attempt = 1; ; attempt++) {
      if (!credential.ok) return err(credential.error)
      await limiter.acquire()
      const sent = await sendToHubspot(this.deps, new Request(`${this.deps.hubspot.apiBaseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${credential.value.token}`,
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }))
      if (!sent.ok) {
        this.deps.metrics.hubspotRequests.inc({ kind, status: sent.error.kind })
        const decision = decideRetry({ status: sent.error.kind, attempt })
        if (decision.action !== 'retry') return err('hubspot_unavailable')
        await this.sleep(decision.waitMs)
        continue
      }
      const response = sent.value
      this.deps.metrics.hubspotRequests.inc({ kind, status: String(response.status) })
      if (kind === 'api') limiter.observe(headerNumber(response.headers, 'x-hubspot-ratelimit-max'), headerNumber(response.headers, 'x-hubspot-ratelimit-remaining'))

      if (response.status === 401) {
        if (this.integration.authType === 'api_key') {
          await this.deps.tokens.reportRejectedCredential(this.integration.id, 'api_key_rejected')
          return err('needs_reauth')
        }
        if (refreshedAfter401) return err('hubspot_unavailable')
        // HubSpot says a 401 alone is no proof the token is dead; refresh once and see.
        refreshedAfter401 = true
        credential = await this.deps.tokens.ensureValidToken(this.integration.id, { rejectedVersion: credential.value.version })
        continue
      }
      const body = response.status === 429 ? await response.clone().json().catch(() => undefined) : undefined
      const decision = decideRetry({ status: response.status, body, retryAfter: response.headers.get('retry-after'), attempt })
      if (decision.action === 'accept') return ok(response)
      if (decision.action === 'fail') return err(decision.reason === 'daily_limit' ? 'hubspot_daily_limit' : 'hubspot_unavailable')
      if (decision.pauseBudgetMs) limiter.pauseFor(decision.pauseBudgetMs * this.deps.retryDelayScale)
      await this.sleep(decision.waitMs)
    }
  }

  /** GET/POST and parse the JSON body with a schema; non-2xx answers become coded errors. */
  async json<T extends z.ZodType>(path: string, schema: T, init: SendOptions = {}): Promise<Result<z.infer<T>, HubspotCallError | 'not_found'>> {
    const response = await this.send(path, init)
    if (!response.ok) return response
    const res = response.value
    if (res.status === 403) return err('forbidden')
    if (res.status === 404) return err('not_found')
    if (!res.ok && res.status !== 207) return err('hubspot_invalid_response')
    const parsed = schema.safeParse(await res.json().catch(() => null))
    return parsed.success ? ok(parsed.data) : err('hubspot_invalid_response')
  }

  async getAccountDetails(): Promise<Result<PortalDetails, HubspotCallError>> {
    const details = await this.json('/account-info/v3/details', accountDetails)
    if (!details.ok) return err(details.error === 'not_found' ? 'hubspot_invalid_response' : details.error)
    const { portalId, timeZone, companyCurrency, dataHostingLocation, uiDomain } = details.value
    return ok({ portalId, timeZone, currency: companyCurrency, dataHostingLocation, uiDomain })
  }

  private sleep(ms: number): Promise<void> {
    const scaled = ms * this.deps.retryDelayScale
    return scaled <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, scaled))
  }
}
