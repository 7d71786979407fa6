import { describe, expect, it } from 'vitest'
import type { TicketFacts } from '../signals/ticket-facts'
import { chooseCutoffs } from './choose-cutoffs'
import { collectObservations, strengthsOf } from './collect-observations'
import type { CompanyHistory } from './company-history'
import { runBacktest } from './run-backtest'

const DAY = 86_400_000
const cutoff = Date.UTC(2026, 0, 1)
let ids = 1

function ticket(at: number, extra: Partial<TicketFacts> = {}): TicketFacts {
  return {
    id: ids++,
    createdAt: at,
    closedAt: at + DAY,
    closedWithoutDate: false,
    priority: 'LOW',
    escalated: false,
    cues: {},
    ...extra,
  }
}
const cancelling = { cues: { cancellation: ['cancel … subscription'] } }

/** 25 companies that churn a month after the cut-off and 25 that stay; `loud` decides who said "cancel". */
function portal(loud: 'churners' | 'stayers', churners = 25): CompanyHistory[] {
  const companies: CompanyHistory[] = []
  for (let i = 0; i < churners + 25; i++) {
    const churns = i < churners
    const says = (loud === 'churners') === churns
    companies.push({
      id: `c${i}`,
      customerSince: cutoff - 400 * DAY,
      churnedAt: churns ? cutoff + 31 * DAY : null,
      tickets: [ticket(cutoff - 200 * DAY), ticket(cutoff - 7 * DAY, says ? cancelling : {})],
    })
  }
  return companies
}

describe('runBacktest on histories whose answer is known', () => {
  it('a perfect ranking scores AUC 1 and the flat baseline 0.5', () => {
    const report = runBacktest(portal('churners'), { horizonDays: 90, cutoffs: [cutoff], resamples: 200 })
    expect(report).toMatchObject({ companies: 50, churnEvents: 25, cutoffs: 1, observations: 50, enoughEvidence: true })
    expect(report.current.auc).toBe(1)
    expect(report.current.aucLow).toBe(1)
    expect(report.baseline.auc).toBe(0.5)
    expect(report.current.topDecileLift).toBeCloseTo(2)
    expect(report.baseline.topDecileLift).toBeCloseTo(1)
    expect(report.notes).toEqual([])
  })

  it('an inverted ranking scores AUC 0, and the report says it does not beat the baseline', () => {
    const report = runBacktest(portal('stayers'), { horizonDays: 90, cutoffs: [cutoff], resamples: 200 })
    expect(report.current.auc).toBe(0)
    expect(report.notes.join(' ')).toMatch(/does not beat the baseline/)
  })

  it('below 20 churn events it gives no AUC and says why', () => {
    const report = runBacktest(portal('churners', 19), { horizonDays: 90, cutoffs: [cutoff] })
    expect(report.enoughEvidence).toBe(false)
    expect(report.current.auc).toBeNull()
    expect(report.baseline.auc).toBeNull()
    expect(report.notes[0]).toMatch(/Only 19 churn events .* at least 20/)
  })

  it('counts a churn only within the horizon after the cut-off, and drops companies no longer customers', () => {
    const companies: CompanyHistory[] = [
      { id: 'gone', customerSince: null, churnedAt: cutoff - DAY, tickets: [ticket(cutoff - 30 * DAY)] },
      { id: 'later', customerSince: null, churnedAt: cutoff + 120 * DAY, tickets: [ticket(cutoff - 30 * DAY)] },
      { id: 'soon', customerSince: null, churnedAt: cutoff + 10 * DAY, tickets: [ticket(cutoff - 30 * DAY)] },
      { id: 'new', customerSince: cutoff + DAY, churnedAt: null, tickets: [] },
    ]
    const observations = collectObservations(companies, [cutoff], 90)
    expect(Array.from(observations.company, (i) => companies[i]!.id)).toEqual(['later', 'soon'])
    expect(Array.from(observations.churned)).toEqual([0, 1])
  })
})

describe('point in time', () => {
  it('a ticket created after a cut-off never influences that cut-off', () => {
    const company: CompanyHistory = {
      id: 'a',
      customerSince: cutoff - 300 * DAY,
      churnedAt: null,
      tickets: [ticket(cutoff - 100 * DAY), ticket(cutoff + DAY, cancelling)],
    }
    const observations = collectObservations([company], [cutoff, cutoff + 10 * DAY], 90)
    expect(strengthsOf(observations, 0).cancellation_language).toBe(0)
    expect(strengthsOf(observations, 1).cancellation_language).toBeGreaterThan(0.9)
  })

  it('a ticket closed after a cut-off was open at it', () => {
    const late = (at: number) => ticket(at, { closedAt: cutoff + 5 * DAY, priority: 'URGENT' })
    const company: CompanyHistory = {
      id: 'a',
      customerSince: cutoff - 300 * DAY,
      churnedAt: null,
      tickets: [late(cutoff - 40 * DAY), late(cutoff - 30 * DAY)],
    }
    const observations = collectObservations([company], [cutoff, cutoff + 10 * DAY], 90)
    expect(strengthsOf(observations, 0).open_backlog).toBeGreaterThan(0)
    expect(strengthsOf(observations, 1).open_backlog).toBe(0)
  })
})

describe('chooseCutoffs', () => {
  it('starts three months after the first ticket, not at an old customer-since date', () => {
    const company: CompanyHistory = {
      id: 'a',
      customerSince: Date.UTC(2019, 0, 1),
      churnedAt: null,
      tickets: [ticket(Date.UTC(2025, 0, 10))],
    }
    expect(new Date(chooseCutoffs([company], 90, Date.UTC(2026, 0, 15))[0]!).toISOString().slice(0, 10)).toBe(
      '2025-05-01',
    )
  })

  it('is monthly, after three months of data, and only where the whole horizon is known', () => {
    const company: CompanyHistory = { id: 'a', customerSince: Date.UTC(2025, 0, 10), churnedAt: null, tickets: [] }
    const cutoffs = chooseCutoffs([company], 90, Date.UTC(2026, 0, 15))
    expect(cutoffs.map((c) => new Date(c).toISOString().slice(0, 10))).toEqual([
      '2025-05-01',
      '2025-06-01',
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
    ])
  })
})
