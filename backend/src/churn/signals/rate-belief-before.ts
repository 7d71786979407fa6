import type { RateBelief } from '../stats/count-surprise'
import { decayedExposureDays, decayWeight } from '../stats/decay'
import type { ScoringContext } from './scoring-context'
import type { TicketFacts } from './ticket-facts'

const DAY = 86_400_000

/**
 * What the company's own history before `until` says about its daily ticket rate, combined with
 * the portal's prior (Gamma–Poisson). History decays with `halfLifeDays` back from `until`; a
 * company with a short history leans on the portal's rate, so a newcomer is not a spike.
 */
export function rateBeliefBefore(
  tickets: readonly TicketFacts[],
  context: ScoringContext,
  until: number,
  halfLifeDays: number,
): { belief: RateBelief; historyDays: number } {
  const start = context.historyStart ?? tickets.reduce((min, t) => Math.min(min, t.createdAt), until)
  const historyDays = Math.max(0, (until - start) / DAY)
  let count = 0
  for (const t of tickets)
    if (t.createdAt < until && t.createdAt >= start) count += decayWeight(until - t.createdAt, halfLifeDays)
  const exposure = decayedExposureDays(historyDays, halfLifeDays)
  const prior = context.portal.ticketRate
  return { belief: { alpha: prior.alpha + count, beta: prior.beta + exposure }, historyDays }
}

/** "from its history" once its own evidence outweighs the portal's, else "for a customer like it". */
export function beliefSource(belief: RateBelief, context: ScoringContext): string {
  return belief.beta - context.portal.ticketRate.beta >= context.portal.ticketRate.beta
    ? 'from its history'
    : 'for a customer like it'
}
