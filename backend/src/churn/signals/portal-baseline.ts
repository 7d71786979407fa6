import type { RateBelief } from '../stats/count-surprise'

/** What is usual across a portal's customers, for judging one company against its peers. */
export interface PortalBaseline {
  /** Empirical-Bayes prior on a company's daily ticket rate. */
  ticketRate: RateBelief
  /** Share of recent tickets that are high or urgent. */
  urgentShare: number
  /** Median days to close a ticket, recently; null when nothing closed. */
  closeDaysMedian: number | null
}
