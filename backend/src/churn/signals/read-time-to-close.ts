import { signalSettings } from '../churn-weights'
import { decayWeight } from '../stats/decay'
import { formatDays } from './describe-evidence'
import type { ScoringContext } from './scoring-context'
import type { SignalReading } from './signal-reading'
import type { TicketFacts } from './ticket-facts'

const DAY = 86_400_000

function weightedMedian(items: readonly { value: number; weight: number }[]): number | null {
  const sorted = [...items].sort((a, b) => a.value - b.value)
  const half = sorted.reduce((n, i) => n + i.weight, 0) / 2
  let seen = 0
  for (const item of sorted) {
    seen += item.weight
    if (seen >= half) return item.value
  }
  return null
}

/**
 * Tickets taking longer to close lately: a median with recent closes weighing most (30-day
 * half-life), against the company's own earlier median, or the portal's when it has too little.
 */
export function readTimeToClose(tickets: readonly TicketFacts[], context: ScoringContext): SignalReading | null {
  const s = signalSettings.timeToClose
  const closed = tickets.filter((t) => t.closedAt !== null && t.closedAt <= context.now && t.closedAt >= t.createdAt)
  const recent = closed.map((t) => ({
    ticket: t,
    value: (t.closedAt! - t.createdAt) / DAY,
    weight: decayWeight(context.now - t.closedAt!, s.halfLifeDays),
  }))
  const effective = recent.reduce((n, r) => n + r.weight, 0)
  if (effective < s.minEffectiveClosed) return null
  const lately = weightedMedian(recent)
  const earlierTickets = recent.filter((r) => r.ticket.closedAt! < context.now - s.halfLifeDays * DAY)
  const ownEarlier =
    earlierTickets.length >= s.minEarlierClosed
      ? weightedMedian(earlierTickets.map((r) => ({ value: r.value, weight: 1 })))
      : null
  const reference = ownEarlier ?? context.portal.closeDaysMedian
  if (lately === null || reference === null || reference <= 0) return null
  const ratio = lately / reference
  if (ratio < s.minRatio) return null
  const against =
    ownEarlier !== null ? `${formatDays(reference)} before` : `${formatDays(reference)} across all customers`
  return {
    signal: 'time_to_close',
    strength: Math.min(1, 0.25 + (0.75 * (ratio - s.minRatio)) / (s.fullRatio - s.minRatio)),
    evidence: `tickets lately take a median of ${formatDays(lately)} to close, against ${against}`,
    ticketIds: recent.filter((r) => r.ticket.closedAt! >= context.now - s.halfLifeDays * DAY).map((r) => r.ticket.id),
  }
}
