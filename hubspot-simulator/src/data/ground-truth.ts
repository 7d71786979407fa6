import type { ChurnCause } from './account'

/** One company as it really was, for tests and benchmarks (the CRM API never serves this). */
export interface GroundTruthEntry {
  companyId: string
  customerSince: string
  /** When it stopped being a customer, if that was before `asOf`. */
  churnedAt: string | null
  /** It stops being a customer within `horizonDays` after `asOf`. */
  churnsWithinHorizon: boolean
  /** When it will stop being a customer, if that is after `asOf` (known as far as the simulation ran). */
  churnAt: string | null
  cause: ChurnCause | null
}

/** A portal's ground truth as of the clock reading its data was generated at. */
export interface GroundTruth {
  asOf: string
  horizonDays: number
  companies: GroundTruthEntry[]
}
