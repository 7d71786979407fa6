/** How a customer speaks up when things go wrong: loud ones complain, quiet ones fade away. */
export type Voice = 'loud' | 'normal' | 'quiet'

/**
 * Why a customer left. Only `product` follows from its health; the others (a price change, a competitor's
 * pitch, a budget cut, an acquisition, reasons nobody wrote down) leave little or no trace in tickets.
 */
export type ChurnCause = 'product' | 'price' | 'competitor' | 'budget' | 'acquired' | 'unknown'

/** What does not change over a customer's life. */
export interface AccountTraits {
  employees: number
  customerSince: number
  /** Long-run health the account drifts back to: product fit, adoption, the relationship. */
  fit: number
  voice: Voice
  /** Angry but loyal: complains loudly and often, yet switching would cost it too much to leave. */
  loyalLoud: boolean
  /** Some teams simply file more tickets than others of the same size. */
  ticketPropensity: number
  /** Marks most of its tickets HIGH or URGENT, whatever they are. */
  priorityInflation: boolean
  /** How hard a vendor-wide outage hits it (heavy users notice more). */
  incidentSensitivity: number
  /** How much a price increase weighs on it (small companies feel it most). */
  priceSensitivity: number
  /** Annual contract value at signing. */
  arr: number
}

/** Week flags (bits) for events that shape tickets. */
export const weekFlag = { launch: 1, bugCluster: 2, competitorPitch: 4, championLeft: 8 } as const

/** What happened to a customer, week by week, from the process in simulate-account-life.ts. */
export interface AccountLife {
  /** Health per week (0 = average; below −1 is a troubled account); meaningless outside the customer weeks. */
  health: Float32Array
  flags: Uint8Array
  /** First week as a customer (0 for those who joined before the history starts). */
  firstWeek: number
  /** When it decided to leave (ms), null if it never did within the simulated period. */
  decidedAt: number | null
  /** When the contract ended (ms; may be after now), null if it didn't. */
  churnAt: number | null
  cause: ChurnCause | null
}
