import { z } from 'zod'

/** What to do with a HubSpot answer: use it, wait and retry, or give up with a reason. */
export type RetryDecision =
  | { action: 'accept' }
  | { action: 'retry'; waitMs: number; pauseBudgetMs?: number }
  | { action: 'fail'; reason: 'daily_limit' | 'unavailable' }

const rateLimitBody = z.object({ policyName: z.string().optional(), message: z.string().optional() }).loose()

export const MAX_ATTEMPTS = 6

/**
 * Pure: decides on a response (or a transport failure) given the attempt number (1-based).
 * 429 TEN_SECONDLY_ROLLING waits out the window; search's secondly limit waits a second;
 * DAILY is final until tomorrow; 5xx, 423, 477 and timeouts back off with full jitter.
 * Retry-After, when HubSpot sends it, wins.
 */
export function decideRetry(input: {
  status: number | 'network' | 'timeout'
  body?: unknown
  retryAfter?: string | null
  attempt: number
  random?: () => number
}): RetryDecision {
  const random = input.random ?? Math.random
  const { status, attempt } = input
  if (typeof status === 'number' && status < 500 && status !== 429 && status !== 423 && status !== 477)
    return { action: 'accept' }
  if (attempt >= MAX_ATTEMPTS) return { action: 'fail', reason: 'unavailable' }
  const retryAfterMs = parseRetryAfter(input.retryAfter)
  if (status === 429) {
    const body = rateLimitBody.safeParse(input.body)
    const policy = body.success ? body.data.policyName : undefined
    if (policy === 'DAILY') return { action: 'fail', reason: 'daily_limit' }
    if (retryAfterMs !== null) return { action: 'retry', waitMs: retryAfterMs, pauseBudgetMs: retryAfterMs }
    const secondly = body.success && /secondly limit/i.test(body.data.message ?? '') && policy === undefined
    const waitMs = secondly ? 1_000 : 10_000 / 2 + random() * 1_000
    return { action: 'retry', waitMs, pauseBudgetMs: waitMs }
  }
  if (retryAfterMs !== null) return { action: 'retry', waitMs: retryAfterMs }
  if (status === 423) return { action: 'retry', waitMs: 2_000 + random() * 1_000 }
  const ceiling = Math.min(16_000, 250 * 2 ** attempt)
  return { action: 'retry', waitMs: ceiling / 2 + random() * (ceiling / 2) }
}

function parseRetryAfter(value: string | null | undefined): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 60_000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.min(date - Date.now(), 60_000))
}
