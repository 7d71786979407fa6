import { seededRandom } from './seeded-random'

export interface Interval {
  low: number
  high: number
}

/**
 * A 95% percentile bootstrap interval for a statistic of clustered data. Whole clusters (a
 * company's observations across cut-offs) are resampled, because one company's scores month after
 * month are not independent evidence. `statistic` gets a weight per cluster (how often it was
 * drawn) and returns the value, or null when a resample cannot give one (it is then skipped).
 */
export function bootstrapInterval(
  clusterCount: number,
  statistic: (weights: Float64Array) => number | null,
  options: { resamples?: number; seed?: number } = {},
): Interval | null {
  const resamples = options.resamples ?? 1000
  const random = seededRandom(options.seed ?? 20261130)
  const values: number[] = []
  const weights = new Float64Array(clusterCount)
  for (let r = 0; r < resamples; r++) {
    weights.fill(0)
    for (let i = 0; i < clusterCount; i++) weights[Math.floor(random() * clusterCount)]! += 1
    const value = statistic(weights)
    if (value !== null) values.push(value)
  }
  if (values.length < resamples / 2) return null
  values.sort((a, b) => a - b)
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * (values.length - 1))))]!
  return { low: at(0.025), high: at(0.975) }
}
