import { describe, expect, it } from 'vitest'
import { cadenceFor, pickScheduledPasses, scheduledSyncDue } from './pace-scheduled-sync'

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

describe('pickScheduledPasses', () => {
  const portals = (count: number, lastPassMinutesAgo: (index: number) => number, remaining: number | null = null) =>
    Array.from({ length: count }, (_, index) => ({ id: `p${index}`, ...row(remaining, lastPassMinutesAgo(index)) }))

  /** Runs the sweep a minute at a time, each picked portal's pass counting from its tick. */
  function simulateTicks(lastPassMinutesAgo: number[], ticks: number) {
    const passes = lastPassMinutesAgo.map((minutesAgo) => [-minutesAgo])
    const perTick: number[] = []
    for (let tick = 0; tick < ticks; tick++) {
      const rows = passes.map((at, index) => ({
        id: String(index),
        ...row(null, 0),
        lastPassAt: new Date(now.getTime() + at[at.length - 1]! * 60_000),
      }))
      const picked = pickScheduledPasses(rows, new Date(now.getTime() + tick * 60_000), product)
      for (const id of picked) passes[Number(id)]!.push(tick)
      perTick.push(picked.length)
    }
    const gaps = passes.flatMap((at) => at.slice(1).map((tick, i) => tick - at[i]!))
    return { perTick, shortestGap: Math.min(...gaps), longestGap: Math.max(...gaps), passes: gaps.length }
  }

  it('queues the due portals in the order given (the claim reads them longest-waiting first), and none early when they fall due a few at a time', () => {
    const waited = portals(30, (index) => 14 - (index % 15))
    expect(pickScheduledPasses(waited, now, product)).toEqual(['p0', 'p1', 'p2', 'p15', 'p16', 'p17'])
    // 120 portals spread evenly: ten a minute, none pulled forward, one pass every twelve minutes each.
    const spread = simulateTicks(
      Array.from({ length: 120 }, (_, index) => 1 + (index % 12)),
      120,
    )
    expect(spread.perTick).toEqual(Array(120).fill(10))
    expect([spread.shortestGap, spread.longestGap]).toEqual([12, 12])
  })

  it('spreads portals that fall due together over the ticks before their deadline, and they stay spread', () => {
    const bunch = simulateTicks(Array(400).fill(0), 120)
    // Nothing is queued before a third of the interval; then 50 a minute for eight minutes instead of 400 at once.
    expect(bunch.perTick.slice(0, 13)).toEqual([0, 0, 0, 0, 0, ...Array(8).fill(50)])
    expect(Math.max(...bunch.perTick.slice(13))).toBeLessThanOrEqual(50)
    // Every deadline is kept, and the spreading costs at most a fifth more passes than one every twelve minutes.
    expect(bunch.longestGap).toBeLessThanOrEqual(12)
    expect(bunch.passes).toBeLessThanOrEqual((400 * 120 * 1.2) / 12)
  })

  it('pulls a handful of portals forward by a tick or two at most', () => {
    const few = simulateTicks([0, 0, 0], 60)
    expect(few.shortestGap).toBeGreaterThanOrEqual(10)
    expect(few.longestGap).toBe(12)
  })

  it('counts each portal against its own interval when the day runs low', () => {
    // A tenth of the day left: every 37.5 minutes, so not early at 11 minutes (a third is 12.5), early at 13.
    const paced = [...portals(40, () => 11, 25_000), ...portals(40, () => 13, 25_000)].map((p, index) => ({
      ...p,
      id: `p${index}`,
    }))
    const picked = pickScheduledPasses(paced, now, product)
    expect(picked.length).toBeGreaterThan(0)
    expect(picked.every((id) => Number(id.slice(1)) >= 40)).toBe(true)
    expect(
      pickScheduledPasses(
        portals(40, () => 600, 2_000),
        now,
        product,
      ),
    ).toEqual([])
  })
})
