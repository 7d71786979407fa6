import { describe, expect, it } from 'vitest'
import { seededRandom } from '../stats/seeded-random'
import { computePortalBaseline } from './compute-portal-baseline'
import { readSilence } from './read-silence'
import { readVolumeTrend } from './read-volume-trend'
import { tallyPortal } from './tally-portal'
import type { TicketFacts } from './ticket-facts'

const DAY = 86_400_000
const now = Date.parse('2026-11-24T12:00:00Z')
const companiesPerCell = 2000

/** A company whose rate never changed: tickets as a Poisson process at `perMonth`, over the last `days`. */
function steadyTickets(random: () => number, perMonth: number, days: number): TicketFacts[] {
  const tickets: TicketFacts[] = []
  const rate = perMonth / 30
  for (let age = -Math.log(1 - random()) / rate; age < days; age += -Math.log(1 - random()) / rate)
    tickets.push({
      id: tickets.length + 1,
      createdAt: now - age * DAY,
      closedAt: null,
      closedWithoutDate: true,
      priority: null,
      escalated: false,
      cues: {},
    })
  return tickets
}

/**
 * Both behavioural signals are tests at the 1% level (churn-weights.ts): a company whose ticket rate never changed
 * should almost never get a volume rise or a silence as a reason, however long its history and however busy it is.
 * The cells run 2,000 steady companies each; 2% leaves room for sampling (about 3 standard errors above 1%).
 */
describe('a steady ticket rate rarely raises a behavioural reason', () => {
  const random = seededRandom(99)
  for (const historyDays of [45, 60, 150, 365, 730])
    for (const perMonth of [0.5, 1, 2, 5, 10, 20])
      it(`${historyDays} days of history at ${perMonth} a month: under 2% each`, () => {
        const historyStart = now - historyDays * DAY
        const peers = computePortalBaseline(
          tallyPortal(
            [1, 3, 5, 10, 20].map((m) => ({ tickets: steadyTickets(random, m, historyDays), historyStart })),
            now,
          ),
        )
        const context = { now, historyStart, portal: peers }
        let rises = 0
        let silences = 0
        for (let i = 0; i < companiesPerCell; i++) {
          const tickets = steadyTickets(random, perMonth, historyDays)
          if (readVolumeTrend(tickets, context)) rises++
          if (readSilence(tickets, context)) silences++
        }
        expect(rises / companiesPerCell).toBeLessThan(0.02)
        expect(silences / companiesPerCell).toBeLessThan(0.02)
      })
})
