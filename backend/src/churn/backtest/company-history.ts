import type { TicketFacts } from '../signals/ticket-facts'

/** One company as the backtest sees it: when it was a customer, and every ticket it ever filed. */
export interface CompanyHistory {
  id: string
  /** When it became a customer; null when unknown (then: from the start of the data). */
  customerSince: number | null
  /** When it churned; null while still a customer. */
  churnedAt: number | null
  /** Sorted by creation time. */
  tickets: TicketFacts[]
}
