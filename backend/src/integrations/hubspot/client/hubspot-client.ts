import type { AppDeps } from '../../../app-deps'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { IntegrationRow } from '../integration-row'
import type { CredentialError, TokenKeeper } from '../tokens/token-keeper'
import type { HubspotRequest } from './hubspot-request'
import { toFetchRequest } from './hubspot-request'
import type { PortalBudget } from './portal-budgets'
import type { RequestPriority } from './rolling-window-limiter'
import { decideRetry } from './retry-policy'
import { sendToHubspot } from './send-to-hubspot'

/** Why a call to HubSpot's API did not get an answer worth reading. */
export type HubspotCallError = CredentialError | 'hubspot_invalid_response' | 'forbidden' | 'hubspot_daily_limit'

export type ClientDeps = Pick<AppDeps, 'fetch' | 'logger' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale'> & {
  tokens: TokenKeeper
}

const headerNumber = (headers: Headers, name: string) => {
  const value = headers.get(name)
  return value === null || value === '' || Number.isNaN(Number(value)) ? null : Number(value)
}

/**
 * HubSpot's API for one integration. The credential comes from `fromIntegration` by auth type
 * (an OAuth access token kept fresh, or a private-app token); nothing else in the code cares which.
 * Every call waits for the portal's rate budget, and 429s, 5xx and timeouts are retried here, so
 * callers see a rate limit only as time, never as a failure. The calls themselves are
 * request/process pairs in crm/ and account/.
 */
export class HubspotClient {
  private constructor(
    private readonly deps: ClientDeps,
    private readonly integration: Pick<IntegrationRow, 'id' | 'authType' | 'hubId'>,
    private readonly budget: PortalBudget,
    private readonly priority: RequestPriority = 'normal',
    /** HubSpot's daily limit and the least it said was left, from this client's answers (private apps get them). */
    private readonly usage: { daily: { limit: number; remaining: number } | null } = { daily: null },
  ) {}

  /** The same client for bulk reads that take only the budget nothing else is waiting for (see RollingWindowLimiter). */
  inBackground(): HubspotClient {
    return new HubspotClient(this.deps, this.integration, this.budget, 'background', this.usage)
  }

  static fromIntegration(
    deps: ClientDeps,
    integration: Pick<IntegrationRow, 'id' | 'authType' | 'hubId'>,
  ): HubspotClient {
    return new HubspotClient(deps, integration, deps.budgets.for(integration.hubId, integration.authType))
  }

  /** The day's budget as HubSpot last reported it to this client; null when it sent no daily headers. */
  dailyUsage(): { limit: number; remaining: number } | null {
    return this.usage.daily
  }

  /** Sends a described request, then hands the answer to its process half. */
  async call<T, E>(
    request: HubspotRequest,
    process: (response: Response) => Promise<Result<T, E>>,
  ): Promise<Result<T, HubspotCallError | E>> {
    const response = await this.send(request)
    return response.ok ? process(response.value) : response
  }

  /** The answer HubSpot settled on (any status the caller must interpret), after budget waits and retries. */
  async send(request: HubspotRequest): Promise<Result<Response, HubspotCallError>> {
    const kind = request.budget ?? 'api'
    const limiter = this.budget[kind]
    let credential = await this.deps.tokens.ensureValidToken(this.integration.id)
    let refreshedAfter401 = false
    for (let attempt = 1; ; attempt++) {
      if (!credential.ok) return err(credential.error)
      const done = await limiter.acquire(this.priority)
      const sent = await sendToHubspot(
        this.deps,
        toFetchRequest(this.deps.hubspot.apiBaseUrl, request, credential.value.token),
      )
      done()
      if (!sent.ok) {
        this.deps.metrics.hubspotRequests.inc({ kind, status: sent.error.kind })
        const decision = decideRetry({ status: sent.error.kind, attempt })
        if (decision.action !== 'retry') return err('hubspot_unavailable')
        await this.sleep(decision.waitMs)
        continue
      }
      const response = sent.value
      this.deps.metrics.hubspotRequests.inc({ kind, status: String(response.status) })
      if (kind === 'api') {
        limiter.observe(
          headerNumber(response.headers, 'x-hubspot-ratelimit-max'),
          headerNumber(response.headers, 'x-hubspot-ratelimit-remaining'),
        )
        this.observeDaily(response.headers)
      }

      if (response.status === 401) {
        if (this.integration.authType === 'api_key') {
          await this.deps.tokens.reportRejectedCredential(this.integration.id, 'api_key_rejected')
          return err('needs_reauth')
        }
        if (refreshedAfter401) return err('hubspot_unavailable')
        // HubSpot says a 401 alone is no proof the token is dead; refresh once and see.
        refreshedAfter401 = true
        credential = await this.deps.tokens.ensureValidToken(this.integration.id, {
          rejectedVersion: credential.value.version,
        })
        continue
      }
      const body =
        response.status === 429
          ? await response
              .clone()
              .json()
              .catch(() => undefined)
          : undefined
      const decision = decideRetry({
        status: response.status,
        body,
        retryAfter: response.headers.get('retry-after'),
        attempt,
      })
      if (decision.action === 'accept') return ok(response)
      if (decision.action === 'fail')
        return err(decision.reason === 'daily_limit' ? 'hubspot_daily_limit' : 'hubspot_unavailable')
      if (decision.pauseBudgetMs) limiter.pauseFor(decision.pauseBudgetMs * this.deps.retryDelayScale)
      await this.sleep(decision.waitMs)
    }
  }

  /** Answers arrive out of order: the lowest remaining count seen is the latest. */
  private observeDaily(headers: Headers): void {
    const limit = headerNumber(headers, 'x-hubspot-ratelimit-daily')
    const remaining = headerNumber(headers, 'x-hubspot-ratelimit-daily-remaining')
    if (limit === null || remaining === null) return
    this.usage.daily = { limit, remaining: Math.min(remaining, this.usage.daily?.remaining ?? remaining) }
  }

  private sleep(ms: number): Promise<void> {
    const scaled = ms * this.deps.retryDelayScale
    return scaled <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, scaled))
  }
}
