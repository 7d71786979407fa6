import type { TicketCues } from '../language/ticket-cues'

export type TicketPriority = 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT'

/**
 * What scoring knows of one ticket. Times are epoch milliseconds. The same shape serves the
 * product (current state) and the backtest (state as of a past cut-off), so one scorer does both.
 */
export interface TicketFacts {
  id: number
  createdAt: number
  /** When it was closed, where known. */
  closedAt: number | null
  /** Closed, but HubSpot gave no close date: closed "now", unknown since when. */
  closedWithoutDate: boolean
  priority: TicketPriority | null
  /** HubSpot's category says it was escalated or reopened. */
  escalated: boolean
  cues: TicketCues
}

/** Open at `at`: not closed by then. A ticket closed without a date counts as closed. */
export function isOpenAt(ticket: TicketFacts, at: number): boolean {
  return ticket.closedAt !== null ? ticket.closedAt > at : !ticket.closedWithoutDate
}

export const isUrgent = (ticket: TicketFacts) => ticket.priority === 'HIGH' || ticket.priority === 'URGENT'

export function toTicketPriority(value: string | null | undefined): TicketPriority | null {
  const upper = value?.trim().toUpperCase()
  return upper === 'LOW' || upper === 'MEDIUM' || upper === 'HIGH' || upper === 'URGENT' ? upper : null
}
