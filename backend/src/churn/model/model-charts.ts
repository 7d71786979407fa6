import type { Observations } from '../backtest/collect-observations'
import { rocCurve } from '../stats/roc-auc'

const DAY = 86_400_000

export interface RocPoint {
  fpr: number
  tpr: number
}

export interface DecileRate {
  /** 1 = the top-scored tenth. */
  decile: number
  observations: number
  churned: number
  rate: number | null
}

/** At most `max` points, always keeping the first and the last, so the page draws fast. */
export function thinCurve(points: readonly RocPoint[], max = 101): RocPoint[] {
  if (points.length <= max) return points.map((p) => ({ fpr: round(p.fpr), tpr: round(p.tpr) }))
  const step = (points.length - 1) / (max - 1)
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!).map((p) => ({
    fpr: round(p.fpr),
    tpr: round(p.tpr),
  }))
}

const round = (n: number) => Math.round(n * 10_000) / 10_000

/** The ROC curve of one scorer over every company-month. */
export function rocPoints(observations: Observations, scores: Float64Array): RocPoint[] {
  const outcomes = Array.from(scores, (score, i) => ({ score, positive: observations.churned[i] === 1 }))
  return thinCurve(rocCurve(outcomes))
}

/**
 * Churn rate per score decile, ranked within each cut-off and pooled: the lift chart. Ties are
 * broken by position, which for a flat score spreads churners evenly and shows no lift.
 */
export function decileRates(observations: Observations, scores: Float64Array): DecileRate[] {
  const deciles = Array.from({ length: 10 }, (_, i) => ({
    decile: i + 1,
    observations: 0,
    churned: 0,
    rate: null as number | null,
  }))
  const byCutoff = new Map<number, number[]>()
  for (let i = 0; i < observations.count; i++) {
    const list = byCutoff.get(observations.cutoff[i]!)
    if (list) list.push(i)
    else byCutoff.set(observations.cutoff[i]!, [i])
  }
  for (const indices of byCutoff.values()) {
    const ranked = [...indices].sort((a, b) => scores[b]! - scores[a]! || a - b)
    ranked.forEach((i, rank) => {
      const bucket = deciles[Math.min(9, Math.floor((rank * 10) / ranked.length))]!
      bucket.observations += 1
      bucket.churned += observations.churned[i]!
    })
  }
  for (const d of deciles) d.rate = d.observations > 0 ? d.churned / d.observations : null
  return deciles
}

/** Days from each churner's first high-band cut-off (within the year before) to its churn. */
export function leadDays(
  observations: Observations,
  bands: readonly string[],
  churnedAt: readonly (number | null)[],
): number[] {
  const first = new Map<number, number>()
  for (let i = 0; i < observations.count; i++) {
    if (bands[i] !== 'high') continue
    const company = observations.company[i]!
    const churn = churnedAt[company]
    const at = observations.cutoffs[observations.cutoff[i]!]!
    if (churn === null || churn === undefined || at >= churn || at < churn - 365 * DAY) continue
    first.set(company, Math.min(first.get(company) ?? at, at))
  }
  return [...first].map(([company, at]) => Math.round((churnedAt[company]! - at) / DAY)).sort((a, b) => a - b)
}
