import { describe, expect, it } from 'vitest'
import type { TicketFacts } from './score-company'
import { bandOf, openBacklog, reopened, scoreCompany, silence, timeToCloseTrend, urgentShare, volumeTrend } from './score-company'

const now = new Date('2026-11-24T12:00:00Z')
const DAY = 86_400_000
let nextId = 1

function ticket(daysAgo: number, overrides: Partial<TicketFacts> = {}): TicketFacts {
  const createdAt = new Date(now.getTime() - daysAgo * DAY)
  return {
    id: nextId++, subject: 'How do I export a report?', content: 'Thanks!', priority: 'LOW', stage: '4', category: 'GENERAL_INQUIRY',
    createdAt, closedAt: new Date(createdAt.getTime() + DAY), timeToCloseMs: DAY, ...overrides,
  }
}

/** Two tickets a month for the last six months, all closed within a day: a quiet, healthy customer. */
const steady = () => Array.from({ length: 12 }, (_, i) => ticket(5 + i * 15))

describe('churn signals', () => {
  it('volume trend: against the company\'s own baseline, with the ratio as evidence', () => {
    const history = [...steady(), ...Array.from({ length: 10 }, (_, i) => ticket(i + 1))]
    const reason = volumeTrend(history, now)
    expect(reason?.evidence).toMatch(/^1[12] tickets in the last 30 days, [4-6](\.\d)?× its usual rate$/)
    expect(reason?.points).toBe(25)
    expect(volumeTrend(steady(), now)).toBeNull()
  })

  it('open backlog: counts open tickets and calls out the stale urgent ones', () => {
    const history = [...steady(), ticket(10, { stage: '2', closedAt: null, priority: 'URGENT' }), ticket(9, { stage: '3', closedAt: null, priority: 'URGENT' }), ticket(2, { stage: '1', closedAt: null })]
    const reason = openBacklog(history, now)
    expect(reason).toMatchObject({ signal: 'open_backlog', points: 13, evidence: '2 urgent tickets open for more than 7 days (3 tickets open, oldest 10 days)' })
    expect(reason?.ticketIds).toHaveLength(3)
    expect(openBacklog(steady(), now)).toBeNull()
  })

  it('urgent share: a high share of high/urgent tickets recently', () => {
    const history = [ticket(3, { priority: 'URGENT' }), ticket(5, { priority: 'HIGH' }), ticket(8, { priority: 'HIGH' }), ticket(20)]
    expect(urgentShare(history, now)).toMatchObject({ points: 15, evidence: "75% of the last 60 days' tickets are high or urgent (3 of 4)" })
    expect(urgentShare([ticket(3), ticket(5), ticket(8, { priority: 'HIGH' }), ticket(9), ticket(10)], now)).toBeNull()
  })

  it('time to close: recent median against the one before', () => {
    const slow = (d: number) => ticket(d, { timeToCloseMs: 6 * DAY, closedAt: new Date(now.getTime() - (d - 6) * DAY) })
    const older = steady().filter((t) => t.createdAt!.getTime() < now.getTime() - 70 * DAY)
    const history = [...older, slow(20), slow(30), slow(40)]
    const reason = timeToCloseTrend(history, now)
    expect(reason?.evidence).toBe('tickets take 6× longer to close than before (median 6 days, was 1 day)')
    expect(reason?.points).toBe(10)
    expect(timeToCloseTrend(steady(), now)).toBeNull()
  })

  it('reopened or escalated tickets, by category or wording', () => {
    const history = [ticket(4, { category: 'ESCALATION' }), ticket(6, { subject: 'Reopening: sync still not fixed' }), ticket(200, { category: 'ESCALATION' })]
    expect(reopened(history, now)).toMatchObject({ points: 10, evidence: '2 tickets reopened or escalated in the last 90 days' })
  })

  it('cancellation language names the words it found', () => {
    const history = [...steady(), ticket(3, { subject: 'We want to cancel', content: 'Please process a refund' }), ticket(10, { content: 'We are switching to a competitor' })]
    const { reasons } = scoreCompany(history, now)
    expect(reasons.find((r) => r.signal === 'cancellation_language')).toMatchObject({ points: 20, evidence: "cancellation language in 2 tickets: 'cancel', 'refund', 'switching to', 'competitor'" })
  })

  it('frustration language', () => {
    const { reasons } = scoreCompany([ticket(2, { content: 'This is unacceptable, we are frustrated' })], now)
    expect(reasons.find((r) => r.signal === 'frustration_language')?.evidence).toBe("frustration in 1 ticket: 'frustrat', 'unacceptable'")
  })

  it('silence after heavy use of support', () => {
    const busyThenQuiet = Array.from({ length: 15 }, (_, i) => ticket(45 + i * 5))
    expect(silence(busyThenQuiet, now)).toMatchObject({ points: 15, evidence: 'no tickets in 45 days after averaging 5 a month' })
    expect(silence(steady(), now)).toBeNull()
    expect(silence([ticket(200)], now)).toBeNull()
  })
})

describe('the score', () => {
  it('a healthy customer scores low with no reasons', () => {
    expect(scoreCompany(steady(), now)).toEqual({ score: 0, band: 'low', reasons: [] })
  })

  it('a customer escalating toward churn scores high, reasons strongest first', () => {
    const history = [
      ...steady(),
      ...Array.from({ length: 9 }, (_, i) => ticket(i * 3 + 1, { priority: i % 2 ? 'URGENT' : 'HIGH', stage: i < 4 ? '3' : '4', closedAt: i < 4 ? null : new Date(now.getTime() - i * DAY), timeToCloseMs: 8 * DAY })),
      ticket(2, { subject: 'Considering cancellation', content: 'This is unacceptable' }),
    ]
    const result = scoreCompany(history, now)
    expect(result.band).toBe('high')
    expect(result.score).toBeGreaterThanOrEqual(65)
    expect(result.score).toBeLessThanOrEqual(100)
    const points = result.reasons.map((r) => r.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    expect(result.reasons.map((r) => r.signal)).toEqual(expect.arrayContaining(['volume_trend', 'open_backlog', 'urgent_share', 'cancellation_language']))
  })

  it.each([[0, 'low'], [34, 'low'], [35, 'medium'], [64, 'medium'], [65, 'high'], [100, 'high']] as const)('band of %i is %s', (score, band) => {
    expect(bandOf(score)).toBe(band)
  })
})
