import { describe, expect, it } from 'vitest'
import { seededRandom } from './stats/seeded-random'
import { combineReadings, scoreCompany } from './score-company'
import { computePortalBaseline } from './signals/compute-portal-baseline'
import type { PortalBaseline } from './signals/portal-baseline'
import { readCancellationLanguage } from './signals/read-language'
import { readSilence } from './signals/read-silence'
import { readVolumeTrend } from './signals/read-volume-trend'
import type { ScoringContext } from './signals/scoring-context'
import { tallyPortal } from './signals/tally-portal'
import type { TicketFacts } from './signals/ticket-facts'

const DAY = 86_400_000
const now = Date.parse('2026-11-24T12:00:00Z')
let nextId = 1

function ticket(daysAgo: number, extra: Partial<TicketFacts> = {}): TicketFacts {
  const createdAt = now - daysAgo * DAY
  return {
    id: nextId++,
    createdAt,
    closedAt: createdAt + DAY,
    closedWithoutDate: false,
    priority: 'MEDIUM',
    escalated: false,
    cues: {},
    ...extra,
  }
}

/** Poisson arrivals at `perMonth` over `days` before `end`: exponential gaps. */
function poissonTickets(random: () => number, perMonth: number, days: number, end = now): TicketFacts[] {
  const tickets: TicketFacts[] = []
  const rate = perMonth / 30
  for (let age = -Math.log(1 - random()) / rate; age < days; age += -Math.log(1 - random()) / rate) {
    tickets.push(ticket((now - end) / DAY + age))
  }
  return tickets
}

const portal: PortalBaseline = { ticketRate: { alpha: 0.2 * 60, beta: 60 }, urgentShare: 0.15, closeDaysMedian: 1.5 }
const context = (historyStart: number | null = now - 400 * DAY, p = portal): ScoringContext => ({
  now,
  historyStart,
  portal: p,
})

describe('volume rise, judged by a count model', () => {
  it('a steady Poisson customer (1–20 a month, 3 months to 2 years of history, many seeds) almost never gets a reason', () => {
    const random = seededRandom(42)
    let fired = 0
    let trials = 0
    for (const historyDays of [90, 365, 730]) {
      // The portal around it files at a range of rates, as real portals do.
      const peers = computePortalBaseline(
        tallyPortal(
          Array.from({ length: 60 }, (_, i) => ({
            tickets: poissonTickets(random, [1, 3, 5, 10, 20][i % 5]!, historyDays),
            historyStart: now - historyDays * DAY,
          })),
          now,
        ),
      )
      for (const perMonth of [1, 2, 3, 5, 8, 10, 15, 20]) {
        for (let seed = 0; seed < 150; seed++) {
          trials += 1
          if (readVolumeTrend(poissonTickets(random, perMonth, historyDays), context(now - historyDays * DAY, peers)))
            fired += 1
        }
      }
    }
    expect(trials).toBe(3600)
    expect(fired / trials).toBeLessThan(0.02)
  })

  it('a real tripling over a sufficient history does get one, stated plainly', () => {
    const random = seededRandom(7)
    const history = poissonTickets(random, 5, 335, now - 30 * DAY)
    const spike = Array.from({ length: 15 }, (_, i) => ticket(1 + i * 1.9))
    const reading = readVolumeTrend([...history, ...spike], context())
    expect(reading).not.toBeNull()
    expect(reading!.evidence).toMatch(
      /^15 tickets in the last 30 days; about \d(\.\d)? were expected from its history$/,
    )
    expect(reading!.ticketIds).toHaveLength(15)
  })

  it('a new company leans on its peers: its first tickets are not a spike', () => {
    const tickets = Array.from({ length: 6 }, (_, i) => ticket(2 + i * 3))
    expect(readVolumeTrend(tickets, context(now - 20 * DAY))).toBeNull()
  })

  it('never shows a multiplier over a near-zero baseline', () => {
    const tickets = [ticket(200), ticket(10), ticket(8), ticket(2)]
    const reading = readVolumeTrend(tickets, context())
    if (reading) expect(reading.evidence).not.toMatch(/×/)
  })
})

describe('silence', () => {
  it('fires for a busy customer gone quiet, not for one that never wrote much', () => {
    const random = seededRandom(3)
    const busy = poissonTickets(random, 12, 300, now - 60 * DAY)
    expect(readSilence(busy, context())?.evidence).toMatch(
      /^no tickets in \d+ days; about \d+ were expected from its history$/,
    )
    const rare = [ticket(300), ticket(200), ticket(90)]
    expect(readSilence(rare, context())).toBeNull()
  })
})

describe('decay instead of cliffs', () => {
  it('a complaint 91 days old still counts, less than a new one, and fades smoothly', () => {
    const cancel = { cues: { cancellation: ['cancel … subscription'] } }
    const strengths = [10, 89, 91, 180, 400].map(
      (age) => readCancellationLanguage([ticket(age, cancel)], context())?.strength ?? 0,
    )
    expect(strengths[0]).toBeGreaterThan(strengths[1]!)
    expect(strengths[1]! - strengths[2]!).toBeLessThan(0.02)
    expect(strengths[2]).toBeGreaterThan(0.45)
    expect(strengths[3]).toBeGreaterThan(0.2)
    expect(strengths[4]).toBe(0)
  })
})

describe('scores are additive', () => {
  it.each([
    [
      [
        { s: 'cancellation_language', v: 1 },
        { s: 'volume_trend', v: 1 },
        { s: 'silence', v: 1 },
        { s: 'open_backlog', v: 1 },
      ],
    ],
    [
      [
        { s: 'reopened', v: 0.33 },
        { s: 'frustration_language', v: 0.71 },
        { s: 'urgent_share', v: 0.5 },
      ],
    ],
    [[{ s: 'time_to_close', v: 0.04 }]],
    [[]],
  ] as const)("each reason's points add up to the score (%#)", (readings) => {
    const result = combineReadings(readings.map((r) => ({ signal: r.s, strength: r.v, evidence: '', ticketIds: [] })))
    expect(result.reasons.reduce((n, r) => n + r.points, 0)).toBe(result.score)
    expect(result.score).toBeLessThanOrEqual(100)
    for (const r of result.reasons) expect(Number.isInteger(r.points)).toBe(true)
  })

  it('a busy, unhappy company scores high with every reason explained', () => {
    const random = seededRandom(11)
    const history = poissonTickets(random, 4, 300, now - 30 * DAY)
    const recent = Array.from({ length: 14 }, (_, i) =>
      ticket(1 + i * 2, {
        priority: i % 2 ? 'URGENT' : 'HIGH',
        closedAt: null,
        cues:
          i < 2
            ? { cancellation: ['will not renew'], frustration: ['unacceptable'] }
            : i < 5
              ? { frustration: ['still not fixed'] }
              : {},
      }),
    )
    const result = scoreCompany([...history, ...recent], context())
    expect(result.band).toBe('high')
    expect(result.reasons.map((r) => r.signal)).toEqual(
      expect.arrayContaining([
        'cancellation_language',
        'volume_trend',
        'open_backlog',
        'urgent_share',
        'frustration_language',
      ]),
    )
    expect(result.reasons.reduce((n, r) => n + r.points, 0)).toBe(result.score)
  })

  it('a quiet healthy company scores 0 with no reasons', () => {
    const random = seededRandom(5)
    const result = scoreCompany(poissonTickets(random, 3, 365), context())
    expect(result.reasons.filter((r) => r.signal !== 'silence')).toEqual([])
  })
})
