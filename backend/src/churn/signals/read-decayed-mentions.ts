import { decayWeight } from '../stats/decay'
import type { ScoringContext } from './scoring-context'
import type { TicketFacts } from './ticket-facts'

export interface DecayedMentions {
  /** Sum of each matching ticket's decay weight: one new ticket is 1, one a half-life old is ½. */
  decayed: number
  hits: TicketFacts[]
  latest: number
}

/** Tickets for which `matches` holds, each counting less the older it is. */
export function decayedMentions(
  tickets: readonly TicketFacts[],
  context: ScoringContext,
  halfLifeDays: number,
  matches: (t: TicketFacts) => boolean,
): DecayedMentions {
  let decayed = 0
  let latest = Number.NEGATIVE_INFINITY
  const hits: TicketFacts[] = []
  for (const t of tickets) {
    if (t.createdAt > context.now || !matches(t)) continue
    decayed += decayWeight(context.now - t.createdAt, halfLifeDays)
    hits.push(t)
    if (t.createdAt > latest) latest = t.createdAt
  }
  return { decayed, hits, latest }
}
