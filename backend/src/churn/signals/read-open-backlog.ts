import { signalSettings } from '../churn-weights'
import { plural } from './describe-evidence'
import type { ScoringContext } from './scoring-context'
import type { SignalReading } from './signal-reading'
import type { TicketFacts } from './ticket-facts'
import { isOpenAt, isUrgent } from './ticket-facts'

const DAY = 86_400_000

/** Tickets left open for more than a week, high and urgent ones counting double. */
export function readOpenBacklog(tickets: readonly TicketFacts[], context: ScoringContext): SignalReading | null {
  const s = signalSettings.openBacklog
  const stale = tickets.filter((t) => t.createdAt <= context.now - s.staleAfterDays * DAY && isOpenAt(t, context.now))
  const urgent = stale.filter(isUrgent).length
  const weighted = stale.length + urgent * (s.urgentCounts - 1)
  if (weighted < s.minWeighted) return null
  const oldest = Math.floor(Math.max(...stale.map((t) => (context.now - t.createdAt) / DAY)))
  const urgentText = urgent > 0 ? `${urgent} high or urgent, ` : ''
  return {
    signal: 'open_backlog',
    strength: Math.min(1, weighted / s.fullAt),
    evidence: `${plural(stale.length, 'ticket')} open for more than ${s.staleAfterDays} days (${urgentText}oldest ${plural(oldest, 'day')})`,
    ticketIds: stale.map((t) => t.id),
  }
}
