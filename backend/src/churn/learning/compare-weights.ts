import type { Observations } from '../backtest/collect-observations'
import { bootstrapInterval } from '../stats/bootstrap-interval'
import { rocAuc } from '../stats/roc-auc'

export interface AucGain {
  /** AUC with the learned weights minus AUC with the defaults, on the same observations. */
  value: number
  low: number
  high: number
}

/**
 * The out-of-sample gain of one score over another with a paired bootstrap: each resample draws
 * whole companies and scores both on the same draw, so their shared noise cancels.
 */
export function compareAuc(
  observations: Observations,
  candidate: Float64Array,
  reference: Float64Array,
  resamples = 1000,
): AucGain | null {
  const rows = Array.from({ length: observations.count }, (_, i) => i)
  const orderBy = (scores: Float64Array) => [...rows].sort((a, b) => scores[a]! - scores[b]!)
  const outcomes = (order: number[], scores: Float64Array) =>
    order.map((i) => ({
      score: scores[i]!,
      positive: observations.churned[i] === 1,
      company: observations.company[i]!,
      weight: 1,
    }))
  const a = outcomes(orderBy(candidate), candidate)
  const b = outcomes(orderBy(reference), reference)
  const aucA = rocAuc(a, true)
  const aucB = rocAuc(b, true)
  if (aucA === null || aucB === null) return null
  const interval = bootstrapInterval(
    observations.companyIds.length,
    (weights) => {
      for (const o of a) o.weight = weights[o.company]!
      for (const o of b) o.weight = weights[o.company]!
      const x = rocAuc(a, true)
      const y = rocAuc(b, true)
      return x === null || y === null ? null : x - y
    },
    { resamples },
  )
  if (!interval) return null
  return { value: aucA - aucB, low: interval.low, high: interval.high }
}
