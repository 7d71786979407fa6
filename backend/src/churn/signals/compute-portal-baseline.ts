import { signalSettings } from '../churn-weights'
import type { RateSample } from '../stats/fit-rate-prior'
import { fitRatePrior } from '../stats/fit-rate-prior'
import type { PortalBaseline } from './portal-baseline'

export interface PortalTallies {
  /** Per company: decayed ticket count and decayed exposure (same half-life as the volume signal). */
  rates: RateSample[]
  /** Tickets with a priority in the lookback window, and how many were high or urgent. */
  prioritized: number
  urgent: number
  /** Median days to close of tickets closed in the lookback window; null when none closed. */
  closeDaysMedian: number | null
}

/** What is usual across a portal's customers, from tallies gathered in SQL (product) or memory (backtest). */
export function computePortalBaseline(tallies: PortalTallies): PortalBaseline {
  return {
    ticketRate: fitRatePrior(tallies.rates),
    // With no priorities at all, assume the share a typical help desk sees rather than zero.
    urgentShare: tallies.prioritized > 0 ? tallies.urgent / tallies.prioritized : 0.15,
    closeDaysMedian: tallies.closeDaysMedian,
  }
}

export const portalLookbackDays = signalSettings.portal.lookbackDays
