import { describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS, decideRetry } from './retry-policy'

const half = () => 0.5

describe('deciding what to do with a HubSpot answer', () => {
  it.each([200, 201, 207, 400, 403, 404, 409])("%i is the caller's to interpret", (status) => {
    expect(decideRetry({ status, attempt: 1 })).toEqual({ action: 'accept' })
  })

  it('waits out the ten-second window on TEN_SECONDLY_ROLLING and pauses the portal budget', () => {
    const decision = decideRetry({
      status: 429,
      body: { policyName: 'TEN_SECONDLY_ROLLING' },
      attempt: 1,
      random: half,
    })
    expect(decision).toEqual({ action: 'retry', waitMs: 5500, pauseBudgetMs: 5500 })
  })

  it("waits a second on the search API's secondly limit", () => {
    expect(
      decideRetry({
        status: 429,
        body: { status: 'error', message: 'You have reached your secondly limit.' },
        attempt: 1,
      }),
    ).toEqual({ action: 'retry', waitMs: 1000, pauseBudgetMs: 1000 })
  })

  it('gives up on the DAILY limit: retrying cannot help until tomorrow', () => {
    expect(decideRetry({ status: 429, body: { policyName: 'DAILY' }, attempt: 1 })).toEqual({
      action: 'fail',
      reason: 'daily_limit',
    })
  })

  it('honours Retry-After in seconds', () => {
    expect(decideRetry({ status: 477, retryAfter: '3', attempt: 1 })).toEqual({ action: 'retry', waitMs: 3000 })
    expect(decideRetry({ status: 429, retryAfter: '2', body: {}, attempt: 1 })).toEqual({
      action: 'retry',
      waitMs: 2000,
      pauseBudgetMs: 2000,
    })
  })

  it.each([500, 502, 503, 504, 'network', 'timeout'] as const)(
    'backs off exponentially with jitter on %s',
    (status) => {
      const first = decideRetry({ status, attempt: 1, random: half })
      const third = decideRetry({ status, attempt: 3, random: half })
      expect(first.action).toBe('retry')
      if (first.action === 'retry' && third.action === 'retry') expect(third.waitMs).toBeGreaterThan(first.waitMs)
    },
  )

  it('stops after the last attempt', () => {
    expect(decideRetry({ status: 503, attempt: MAX_ATTEMPTS })).toEqual({ action: 'fail', reason: 'unavailable' })
  })
})
