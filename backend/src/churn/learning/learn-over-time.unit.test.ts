import { describe, expect, it } from 'vitest'
import type { CompanyHistory } from '../backtest/company-history'
import { runBacktest } from '../backtest/run-backtest'
import type { TicketFacts } from '../signals/ticket-facts'
import { seededRandom } from '../stats/seeded-random'
import { splitByTime } from './split-by-time'

const DAY = 86_400_000
const start = Date.UTC(2024, 0, 1)
const cutoffs = Array.from({ length: 18 }, (_, i) => Date.UTC(2024, 3 + i, 1))
let ids = 1
const ticket = (at: number, cues: TicketFacts['cues'] = {}): TicketFacts => ({
  id: ids++,
  createdAt: at,
  closedAt: at + DAY,
  closedWithoutDate: false,
  priority: 'LOW',
  escalated: false,
  cues,
})

/**
 * 400 companies over two years. `churnerCue(churnDate)` says what a churner wrote 20 days before
 * leaving; `stayerCue` what the customers who stay write every couple of months.
 */
function portal(
  churnerCue: (churnedAt: number) => TicketFacts['cues'],
  stayerCue: TicketFacts['cues'],
): CompanyHistory[] {
  const random = seededRandom(9)
  return Array.from({ length: 400 }, (_, i) => {
    const churnedAt = i < 140 ? cutoffs[0]! + Math.floor(random() * (cutoffs.at(-1)! - cutoffs[0]!)) : null
    const tickets = [ticket(start + Math.floor(random() * 60) * DAY)]
    for (
      let at = start + Math.floor(random() * 60) * DAY;
      at < cutoffs.at(-1)! + 60 * DAY;
      at += (45 + Math.floor(random() * 30)) * DAY
    ) {
      if (churnedAt !== null && at >= churnedAt) break
      tickets.push(ticket(at, churnedAt === null && random() < 0.5 ? stayerCue : {}))
    }
    if (churnedAt !== null) tickets.push(ticket(churnedAt - 20 * DAY, churnerCue(churnedAt)))
    tickets.sort((a, b) => a.createdAt - b.createdAt)
    return { id: `c${i}`, customerSince: start, churnedAt, tickets }
  })
}

describe('learned weights, judged out of sample on later months', () => {
  it('are adopted when they beat the defaults by more than the noise', () => {
    // Here reopened tickets foretell churn, and stayers talk about competitors all the time.
    const companies = portal(() => ({ reopen: ['reopened'] }), { cancellation: ['competitor'] })
    const report = runBacktest(companies, { horizonDays: 60, cutoffs, learn: true, resamples: 300 })
    const learned = report.learned!
    expect(learned.trainedOn!.churnEvents).toBeGreaterThanOrEqual(20)
    expect(learned.testedOn!.churnEvents).toBeGreaterThanOrEqual(20)
    expect(learned.weights!.reopened).toBeGreaterThan(learned.weights!.cancellation_language)
    expect(learned.auc!).toBeGreaterThan(learned.defaultOnTest!.auc!)
    expect(learned.aucGain!.low).toBeGreaterThan(0)
    expect(learned.adopted).toBe(true)
    expect(learned.reason).toMatch(/^Learned weights beat the defaults on the later months/)
  })

  it('are refused when what they learned does not hold later (overfitting to the earlier months)', () => {
    // Churners in the earlier months happened to sound frustrated; later ones do not.
    const split = cutoffs[12]!
    const companies = portal((churnedAt) => (churnedAt < split ? { frustration: ['fed up'] } : {}), {})
    const report = runBacktest(companies, { horizonDays: 60, cutoffs, learn: true, resamples: 300 })
    const learned = report.learned!
    expect(learned.weights!.frustration_language).toBeGreaterThan(0)
    expect(learned.adopted).toBe(false)
    expect(learned.reason).toMatch(/did not beat the defaults by more than the noise|not fitted/)
  })
})

describe('splitByTime', () => {
  it('tests on the last third and trains only on cut-offs whose horizon ends before it', () => {
    const monthly = Array.from({ length: 9 }, (_, i) => Date.UTC(2025, i, 1))
    // May 1 + 60 days is June 30, before testing starts on July 1; June 1 + 60 days is not.
    expect(splitByTime(monthly, 60)).toEqual({ train: [0, 1, 2, 3, 4], test: [6, 7, 8] })
    expect(splitByTime(monthly.slice(0, 1), 60)).toBeNull()
    expect(splitByTime(monthly.slice(0, 2), 60)).toBeNull()
  })
})
