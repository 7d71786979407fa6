import { signalSettings } from '../churn-weights'
import { daysAgo, plural } from './describe-evidence'
import { decayedMentions } from './read-decayed-mentions'
import type { ScoringContext } from './scoring-context'
import type { SignalReading } from './signal-reading'
import type { TicketFacts } from './ticket-facts'

const quote = (labels: Iterable<string>) =>
  [...labels]
    .slice(0, 3)
    .map((l) => `'${l}'`)
    .join(', ')

function readCue(
  tickets: readonly TicketFacts[],
  context: ScoringContext,
  kind: 'cancellation' | 'frustration',
  settings: { halfLifeDays: number; fullAt: number; minDecayed: number },
): SignalReading | null {
  const found = decayedMentions(tickets, context, settings.halfLifeDays, (t) => (t.cues[kind]?.length ?? 0) > 0)
  if (found.decayed < settings.minDecayed) return null
  const heard = new Set(found.hits.flatMap((t) => t.cues[kind] ?? []))
  return {
    signal: kind === 'cancellation' ? 'cancellation_language' : 'frustration_language',
    strength: Math.min(1, found.decayed / settings.fullAt),
    evidence: `${kind} language in ${plural(found.hits.length, 'ticket')} (${quote(heard)}), most recent ${daysAgo(found.latest, context.now)}`,
    ticketIds: found.hits.map((t) => t.id),
  }
}

/** Whole-phrase, negation-aware cancellation language; an old mention fades, it does not vanish. */
export function readCancellationLanguage(
  tickets: readonly TicketFacts[],
  context: ScoringContext,
): SignalReading | null {
  return readCue(tickets, context, 'cancellation', signalSettings.cancellationLanguage)
}

export function readFrustrationLanguage(
  tickets: readonly TicketFacts[],
  context: ScoringContext,
): SignalReading | null {
  return readCue(tickets, context, 'frustration', signalSettings.frustrationLanguage)
}
