import { signalSettings } from '../churn-weights'
import { chanceOfNone, expectedCount } from '../stats/count-surprise'
import { aboutCount, plural, strengthOfSurprise } from './describe-evidence'
import { beliefSource, rateBeliefBefore } from './rate-belief-before'
import type { ScoringContext } from './scoring-context'
import type { SignalReading } from './signal-reading'
import type { TicketFacts } from './ticket-facts'

const DAY = 86_400_000

/**
 * A customer who used to write and stopped: the chance of this long a silence under the rate its
 * history predicts. Customers who never wrote much are not "silent"; their quiet is expected.
 */
export function readSilence(tickets: readonly TicketFacts[], context: ScoringContext): SignalReading | null {
  const s = signalSettings.silence
  let latest = Number.NEGATIVE_INFINITY
  for (const t of tickets) if (t.createdAt <= context.now && t.createdAt > latest) latest = t.createdAt
  if (!Number.isFinite(latest)) return null
  const quietDays = (context.now - latest) / DAY
  if (quietDays < s.minQuietDays) return null
  // The rate is judged on the whole history, the quiet days included: ending it at the last ticket
  // would pick an end point because something happened there, and overstate the rate.
  const { belief } = rateBeliefBefore(tickets, context, context.now, s.historyHalfLifeDays)
  const chance = chanceOfNone(belief, quietDays)
  if (chance >= s.surpriseBelow) return null
  return {
    signal: 'silence',
    strength: strengthOfSurprise(chance, s.surpriseBelow),
    evidence: `no tickets in ${plural(Math.floor(quietDays), 'day')}; ${aboutCount(expectedCount(belief, quietDays))} were expected ${beliefSource(belief, context)}`,
    ticketIds: [],
  }
}
