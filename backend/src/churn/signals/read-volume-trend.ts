import { signalSettings } from '../churn-weights'
import { chanceOfAtLeast, expectedCount } from '../stats/count-surprise'
import { aboutCount, plural, strengthOfSurprise } from './describe-evidence'
import { beliefSource, rateBeliefBefore } from './rate-belief-before'
import type { ScoringContext } from './scoring-context'
import type { SignalReading } from './signal-reading'
import type { TicketFacts } from './ticket-facts'

const DAY = 86_400_000

/**
 * A rise in tickets, judged by a count model: how likely is this many tickets in the last 30 days
 * under the rate the company's history (and its peers) predicts? Only an unlikely count, well
 * above what was expected, becomes a reason.
 */
export function readVolumeTrend(tickets: readonly TicketFacts[], context: ScoringContext): SignalReading | null {
  const s = signalSettings.volumeTrend
  const windowStart = context.now - s.recentDays * DAY
  const windowDays = s.recentDays
  const recent = tickets.filter((t) => t.createdAt >= windowStart && t.createdAt <= context.now)
  if (recent.length < s.minRecentTickets) return null
  const { belief, historyDays } = rateBeliefBefore(tickets, context, windowStart, s.historyHalfLifeDays)
  // Too little history before the window is not evidence of a change: a new customer's first
  // busy weeks (onboarding) are how it starts, not a rise.
  if (historyDays < s.minHistoryDays) return null
  const expected = expectedCount(belief, windowDays)
  if (recent.length < s.minRatio * expected) return null
  const chance = chanceOfAtLeast(recent.length, belief, windowDays)
  if (chance >= s.surpriseBelow) return null
  return {
    signal: 'volume_trend',
    strength: strengthOfSurprise(chance, s.surpriseBelow),
    evidence: `${plural(recent.length, 'ticket')} in the last ${s.recentDays} days; ${aboutCount(expected)} were expected ${beliefSource(belief, context)}`,
    ticketIds: recent.map((t) => t.id),
  }
}
