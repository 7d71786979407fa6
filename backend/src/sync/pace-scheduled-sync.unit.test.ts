import { describe, expect, it } from 'vitest'
import { scheduledSyncDue } from './pace-scheduled-sync'

const now = new Date('2026-11-30T15:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const seen = (remaining: number, minutes: number) => ({
  dailyLimit: 250_000,
  dailyRemaining: remaining,
  dailySeenAt: minutesAgo(minutes),
})

describe('scheduledSyncDue', () => {
  it('runs every sweep while a quarter of the day is left, or when the budget is unknown', () => {
    expect(scheduledSyncDue(seen(62_500, 15), now)).toBe(true)
    expect(scheduledSyncDue(seen(200_000, 1), now)).toBe(true)
    expect(scheduledSyncDue({ dailyLimit: null, dailyRemaining: null, dailySeenAt: null }, now)).toBe(true)
  })

  it('spreads passes out in proportion to what is left', () => {
    // A tenth left: every 37.5 minutes.
    expect(scheduledSyncDue(seen(25_000, 30), now)).toBe(false)
    expect(scheduledSyncDue(seen(25_000, 37), now)).toBe(true)
    // A twentieth left: every 75 minutes.
    expect(scheduledSyncDue(seen(12_500, 60), now)).toBe(false)
    expect(scheduledSyncDue(seen(12_500, 75), now)).toBe(true)
  })

  it('stops under 1% until the day resets', () => {
    expect(scheduledSyncDue(seen(2_000, 600), now)).toBe(false)
    const yesterday = { ...seen(0, 0), dailySeenAt: new Date('2026-11-29T23:59:00Z') }
    expect(scheduledSyncDue(yesterday, now)).toBe(true)
  })
})
