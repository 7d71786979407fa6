import { describe, expect, it } from 'vitest'
import type { ApiAnswer } from './crm-helpers'
import { api, crmSimulator, movableClock, privateToken } from './crm-helpers'
import { connect } from './helpers'

const rateHeaders = (answer: ApiAnswer): Record<string, string> =>
  Object.fromEntries(
    [...answer.headers].filter(([name]) => name.startsWith('x-hubspot-ratelimit') || name === 'retry-after'),
  )

describe('rate limits', () => {
  it('OAuth: 110 per rolling 10 s per (app, portal), headers without daily ones, then TEN_SECONDLY_ROLLING', async () => {
    const clock = movableClock()
    const sim = crmSimulator({ clock, settings: { rateLimitsEnabled: true } })
    const { access_token: token } = await connect(sim)
    const first = await api(sim, token, 'GET', '/crm/v3/objects/tickets?limit=1')
    expect(rateHeaders(first)).toEqual({
      'x-hubspot-ratelimit-max': '110',
      'x-hubspot-ratelimit-remaining': '109',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    })
    for (let i = 0; i < 109; i++)
      expect((await api(sim, token, 'GET', '/crm/v3/objects/tickets?limit=1')).status).toBe(200)
    const limited = await api(sim, token, 'GET', '/crm/v3/objects/tickets?limit=1')
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.any(String),
      policyName: 'TEN_SECONDLY_ROLLING',
    })
    expect(limited.headers.get('retry-after')).toBeNull()
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0')
    // Rolling: 10 s after the first request, one slot is free again.
    clock.set(clock.now() + 10_000)
    expect((await api(sim, token, 'GET', '/crm/v3/objects/tickets?limit=1')).status).toBe(200)
  })

  it('private apps: 100 per 10 s plus daily headers; other portals have their own window', async () => {
    const sim = crmSimulator({ clock: movableClock(), settings: { rateLimitsEnabled: true } })
    const token = privateToken(sim)
    const first = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')
    expect(rateHeaders(first)).toEqual({
      'x-hubspot-ratelimit-max': '100',
      'x-hubspot-ratelimit-remaining': '99',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-daily': '250000',
      'x-hubspot-ratelimit-daily-remaining': '249999',
    })
    for (let i = 0; i < 99; i++) await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')
    expect((await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')).status).toBe(429)
    expect((await api(sim, privateToken(sim, 2000002), 'GET', '/crm/v3/objects/companies?limit=1')).status).toBe(200)
  })

  it('daily limit → policyName DAILY; Retry-After only when switched on; limits are settings', async () => {
    const clock = movableClock()
    const sim = crmSimulator({ clock, settings: { rateLimitsEnabled: true, dailyLimit: 3, retryAfterOn429: true } })
    const token = privateToken(sim)
    for (let i = 0; i < 3; i++)
      expect((await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')).status).toBe(200)
    const limited = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({
      status: 'error',
      message: 'You have reached your daily limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'DAILY',
    })
    // 12:00Z is 07:00 in the account's UTC-5 zone: 17 hours to local midnight.
    expect(limited.headers.get('retry-after')).toBe(String(17 * 3600))
    expect(limited.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0')
    clock.set(clock.now() + 17 * 3_600_000)
    expect((await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')).status).toBe(200)

    sim.control.updateSettings({ rateLimitPerTenSeconds: 2, dailyLimit: null })
    await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')
    const burst = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')
    expect(burst.status).toBe(429)
    expect(burst.headers.get('retry-after')).toBe('10')
    expect(burst.headers.get('x-hubspot-ratelimit-max')).toBe('2')
  })
})
