import { signalSettings } from '../churn-weights'
import { decayWeight } from '../stats/decay'
import type { ScoringContext } from './scoring-context'
import type { SignalReading } from './signal-reading'
import type { TicketFacts } from './ticket-facts'
import { isUrgent } from './ticket-facts'

const DAY = 86_400_000
const percent = (share: number) => `${Math.round(share * 100)}%`

/**
 * More high and urgent tickets than the portal's customers usually file, on decayed counts shrunk
 * toward the portal's share (beta–binomial), so a handful of tickets cannot make 100%.
 */
export function readUrgentShare(tickets: readonly TicketFacts[], context: ScoringContext): SignalReading | null {
  const s = signalSettings.urgentShare
  const portalShare = context.portal.urgentShare
  let total = 0
  let urgent = 0
  for (const t of tickets) {
    if (t.createdAt > context.now || t.priority === null) continue
    const weight = decayWeight(context.now - t.createdAt, s.halfLifeDays)
    total += weight
    if (isUrgent(t)) urgent += weight
  }
  if (total < s.minEffectiveTickets) return null
  const share = (urgent + s.priorTickets * portalShare) / (total + s.priorTickets)
  const excess = share - portalShare
  if (excess < s.minExcess) return null
  const recent = tickets.filter(
    (t) => t.createdAt <= context.now && t.createdAt > context.now - s.evidenceDays * DAY && t.priority !== null,
  )
  const recentUrgent = recent.filter(isUrgent)
  if (recentUrgent.length < 2) return null
  return {
    signal: 'urgent_share',
    strength: Math.min(1, ((excess - s.minExcess) / (s.fullExcess - s.minExcess)) * 0.75 + 0.25),
    evidence: `${recentUrgent.length} of ${recent.length} tickets in the last ${s.evidenceDays} days were high or urgent, against ${percent(portalShare)} across all customers`,
    ticketIds: recentUrgent.map((t) => t.id),
  }
}
