import type { RateBelief } from './count-surprise'

export interface RateSample {
  /** Tickets counted (decayed counts are fine). */
  count: number
  /** Days they were counted over (decayed the same way). */
  exposureDays: number
}

/** Limits on how much the portal's rate may weigh against a company's own history, in days of evidence. */
export const priorWeightDays = { min: 3, max: 120 }

/**
 * Empirical Bayes: a Gamma prior on companies' daily ticket rates, fitted to the portal by the
 * method of moments. The spread between companies' rates, less what Poisson noise alone would
 * give, sets how far a company's own history is trusted over the portal's mean. The prior's weight
 * is kept between 14 and 120 days of evidence: a company with a year of history speaks for itself,
 * and a new one leans on its peers.
 */
export function fitRatePrior(samples: readonly RateSample[]): RateBelief {
  const usable = samples.filter((s) => s.exposureDays > 0)
  const totalCount = usable.reduce((n, s) => n + s.count, 0)
  const totalDays = usable.reduce((n, s) => n + s.exposureDays, 0)
  // With no data at all, assume about one ticket a month and say little about it.
  if (usable.length === 0 || totalDays === 0) return { alpha: priorWeightDays.min / 30, beta: priorWeightDays.min }
  const mean = Math.max(totalCount / totalDays, 1 / 3650)
  let spread = 0
  let noise = 0
  for (const s of usable) {
    const share = s.exposureDays / totalDays
    spread += share * (s.count / s.exposureDays - mean) ** 2
    noise += share * (mean / s.exposureDays)
  }
  const between = spread - noise
  const weight = between > 0 ? mean / between : priorWeightDays.max
  const beta = Math.min(priorWeightDays.max, Math.max(priorWeightDays.min, weight))
  return { alpha: mean * beta, beta }
}
