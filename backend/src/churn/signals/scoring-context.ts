import type { PortalBaseline } from './portal-baseline'

/** Everything a signal needs besides the company's tickets. */
export interface ScoringContext {
  /** The moment scored (epoch ms): now in the product, a cut-off in the backtest. */
  now: number
  /** When this company's history starts (customer since, else its first record); null if unknown. */
  historyStart: number | null
  portal: PortalBaseline
}
