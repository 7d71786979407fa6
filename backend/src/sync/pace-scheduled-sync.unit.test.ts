import { describe, expect, it } from 'vitest'
import { cadenceFor, scheduledSyncDue } from './pace-scheduled-sync'

const now = new Date('2026-11-30T15:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const product = cadenceFor(900)
const row = (remaining: number | null, lastPassMinutesAgo: number | null) => ({
  dailyLimit: remaining === null ? null : 250_000,
  dailyRemaining: remaining,
  dailySeenAt: remaining === null ? null : minutesAgo(1),
  lastPassAt: lastPassMinutesAgo === null ? null : minutesAgo(lastPassMinutesAgo),
})

describe('cadenceFor', () => {
  it('ticks fifteen times per interval, at most once a second', () => {
    expect(cadenceFor(900)).toEqual({ intervalMs: 900_000, tickMs: 60_000 })
    expect(cadenceFor(15)).toEqual({ intervalMs: 15_000, tickMs: 1_000 })
    expect(cadenceFor(3)).toEqual({ intervalMs: 3_000, tickMs: 1_000 })
  })
})

describe('scheduledSyncDue', () => {
  it('queues a pass three ticks before the interval is up, so it ends within it', () => {
    expect(scheduledSyncDue(row(null, 11), now, product)).toBe(false)
    expect(scheduledSyncDue(row(null, 12), now, product)).toBe(true)
    expect(scheduledSyncDue(row(200_000, 11.9), now, product)).toBe(false)
    expect(scheduledSyncDue(row(200_000, 12), now, product)).toBe(true)
  })

  it('queues a portal that never had a pass at once', () => {
    expect(scheduledSyncDue(row(null, null), now, product)).toBe(true)
  })

  it('keeps the interval while a quarter of the day is left', () => {
    expect(scheduledSyncDue(row(62_500, 12), now, product)).toBe(true)
  })

  it('spreads passes out in proportion to what is left', () => {
    // A tenth left: every 37.5 minutes (queued at 34.5).
    expect(scheduledSyncDue(row(25_000, 34), now, product)).toBe(false)
    expect(scheduledSyncDue(row(25_000, 34.5), now, product)).toBe(true)
    // A twentieth left: every 75 minutes.
    expect(scheduledSyncDue(row(12_500, 70), now, product)).toBe(false)
    expect(scheduledSyncDue(row(12_500, 72), now, product)).toBe(true)
  })

  it('stops under 1% until the day resets', () => {
    expect(scheduledSyncDue(row(2_000, 600), now, product)).toBe(false)
    const yesterday = { ...row(0, 600), dailySeenAt: new Date('2026-11-29T23:59:00Z') }
    expect(scheduledSyncDue(yesterday, now, product)).toBe(true)
  })
})
