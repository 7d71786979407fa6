import { signalSettings } from '../churn-weights'
import { daysAgo, plural } from './describe-evidence'
import { decayedMentions } from './read-decayed-mentions'
import type { ScoringContext } from './scoring-context'
import type { SignalReading } from './signal-reading'
import type { TicketFacts } from './ticket-facts'

/** Tickets reopened or escalated (by category or in words), fading with a 60-day half-life. */
export function readReopened(tickets: readonly TicketFacts[], context: ScoringContext): SignalReading | null {
  const s = signalSettings.reopened
  const found = decayedMentions(
    tickets,
    context,
    s.halfLifeDays,
    (t) => t.escalated || (t.cues.reopen?.length ?? 0) > 0,
  )
  if (found.decayed < s.minDecayed) return null
  return {
    signal: 'reopened',
    strength: Math.min(1, found.decayed / s.fullAt),
    evidence: `${plural(found.hits.length, 'ticket')} reopened or escalated, most recent ${daysAgo(found.latest, context.now)}`,
    ticketIds: found.hits.map((t) => t.id),
  }
}
