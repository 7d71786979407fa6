import negativeBinomialCdf from '@stdlib/stats-base-dists-negative-binomial-cdf'

/** A Gamma belief about a daily ticket rate: shape `alpha`, rate `beta` (in days). */
export interface RateBelief {
  alpha: number
  beta: number
}

/** Mean tickets expected over `days` under a rate belief. */
export function expectedCount(belief: RateBelief, days: number): number {
  return (belief.alpha / belief.beta) * days
}

/**
 * The chance of seeing at least `observed` tickets in `days` when the rate is only known as a
 * Gamma belief: the Gamma–Poisson (negative binomial) predictive tail. Uncertainty about the
 * rate widens the tail, so a company with little history needs a bigger jump to surprise us.
 */
export function chanceOfAtLeast(observed: number, belief: RateBelief, days: number): number {
  if (observed <= 0) return 1
  const p = belief.beta / (belief.beta + days)
  return Math.max(0, 1 - negativeBinomialCdf(observed - 1, belief.alpha, p))
}

/** The chance of seeing no ticket at all in `days` under the same predictive. */
export function chanceOfNone(belief: RateBelief, days: number): number {
  return (belief.beta / (belief.beta + days)) ** belief.alpha
}
