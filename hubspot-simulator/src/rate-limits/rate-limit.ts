import type { Context, MiddlewareHandler } from 'hono'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import type { RateLimitPolicy } from './rate-limit-policy'
import { localDay, msUntilLocalMidnight, rateLimitPolicy, tenSecondsMs } from './rate-limit-policy'
import { liveHits } from './rate-limit-state'

/**
 * HubSpot's API limits, after bearerAuth. CRM search has its own per-portal secondly limit and no headers;
 * everything else counts against the (app, portal) 10-second window and, for private apps, the daily total,
 * and carries X-HubSpot-RateLimit-* headers. Rejected requests don't count.
 */
export function rateLimit(state: SimState): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    if (!state.settings.rateLimitsEnabled) return next()
    const now = state.clock.now()
    const auth = c.get('auth')
    if (c.req.method === 'POST' && c.req.path.endsWith('/search')) {
      const hits = liveHits(state.rateLimits.search, auth.portalId, now, 1000)
      if (hits.length >= state.settings.searchPerSecond) {
        return tooMany(
          c,
          state,
          { message: 'You have reached your secondly limit.' },
          {},
          Math.max(1, (hits[0] ?? now) + 1000 - now),
        )
      }
      hits.push(now)
      return next()
    }

    const policy = rateLimitPolicy(state.settings, auth)
    const hits = liveHits(state.rateLimits.tenSecondly, policy.key, now, tenSecondsMs)
    const daily = dailyCounter(state, auth.portalId, now, policy)
    if (daily && policy.daily !== null && daily.count >= policy.daily) {
      const headers = limitHeaders(policy, policy.perTenSeconds - hits.length, 0)
      return tooMany(
        c,
        state,
        { message: 'You have reached your daily limit.', policyName: 'DAILY', requestId: c.get('correlationId') },
        headers,
        msUntilLocalMidnight(now),
      )
    }
    if (hits.length >= policy.perTenSeconds) {
      const headers = limitHeaders(policy, 0, daily && policy.daily !== null ? policy.daily - daily.count : null)
      const waitMs = (hits[0] ?? now) + tenSecondsMs - now
      return tooMany(
        c,
        state,
        { message: 'You have reached your ten_secondly_rolling limit.', policyName: 'TEN_SECONDLY_ROLLING' },
        headers,
        waitMs,
      )
    }
    hits.push(now)
    if (daily) daily.count += 1
    await next()
    const headers = limitHeaders(
      policy,
      policy.perTenSeconds - hits.length,
      daily && policy.daily !== null ? policy.daily - daily.count : null,
    )
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  }
}

function dailyCounter(
  state: SimState,
  portalId: number,
  now: number,
  policy: RateLimitPolicy,
): { day: number; count: number } | undefined {
  if (policy.daily === null) return undefined
  const day = localDay(now)
  let counter = state.rateLimits.daily.get(portalId)
  if (!counter || counter.day !== day) {
    counter = { day, count: 0 }
    state.rateLimits.daily.set(portalId, counter)
  }
  return counter
}

function limitHeaders(
  policy: RateLimitPolicy,
  remaining: number,
  dailyRemaining: number | null,
): Record<string, string> {
  const headers: Record<string, string> = {
    'X-HubSpot-RateLimit-Max': String(policy.perTenSeconds),
    'X-HubSpot-RateLimit-Remaining': String(Math.max(0, remaining)),
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(tenSecondsMs),
  }
  if (policy.daily !== null && dailyRemaining !== null) {
    headers['X-HubSpot-RateLimit-Daily'] = String(policy.daily)
    headers['X-HubSpot-RateLimit-Daily-Remaining'] = String(Math.max(0, dailyRemaining))
  }
  return headers
}

function tooMany(
  c: Context<SimEnv>,
  state: SimState,
  fields: Record<string, string>,
  headers: Record<string, string>,
  waitMs: number,
): Response {
  const withRetry = state.settings.retryAfterOn429
    ? { ...headers, 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) }
    : headers
  const { message, ...rest } = fields
  return c.json(
    { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: c.get('correlationId'), ...rest },
    429,
    withRetry,
  )
}
