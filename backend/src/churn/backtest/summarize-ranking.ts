import type { RiskBand } from '@churnlens/contracts'
import { bootstrapInterval } from '../stats/bootstrap-interval'
import type { ScoredOutcome } from '../stats/roc-auc'
import { rocAuc } from '../stats/roc-auc'
import type { BandOutcome, RankingReport } from './backtest-report'
import type { Observations } from './collect-observations'

const DAY = 86_400_000
const LEAD_LOOKBACK_DAYS = 365

export interface SummarizeOptions {
  /** Each company's churn date (index as in observations), for lead times. */
  churnedAt: readonly (number | null)[]
  enoughEvidence: boolean
  resamples?: number
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** AUC pooled over every company-month, with a bootstrap interval that resamples whole companies. */
function aucWithInterval(
  observations: Observations,
  scores: Float64Array,
  resamples: number,
): Pick<RankingReport, 'auc' | 'aucLow' | 'aucHigh'> {
  const outcomes: (ScoredOutcome & { company: number })[] = []
  for (let i = 0; i < observations.count; i++)
    outcomes.push({
      score: scores[i]!,
      positive: observations.churned[i] === 1,
      company: observations.company[i]!,
      weight: 1,
    })
  outcomes.sort((a, b) => a.score - b.score)
  const auc = rocAuc(outcomes, true)
  if (auc === null) return { auc: null, aucLow: null, aucHigh: null }
  const interval = bootstrapInterval(
    observations.companyIds.length,
    (weights) => {
      for (const o of outcomes) o.weight = weights[o.company]!
      return rocAuc(outcomes, true)
    },
    { resamples },
  )
  return { auc, aucLow: interval?.low ?? null, aucHigh: interval?.high ?? null }
}

/**
 * Lift of the top tenth at each cut-off, pooled. Ties at the decile's edge count fractionally, as
 * a random tie-break would on average, so a scorer that gives everyone 0 has a lift of exactly 1.
 */
function topDecileLift(observations: Observations, scores: Float64Array): number | null {
  const byCutoff = new Map<number, number[]>()
  for (let i = 0; i < observations.count; i++) {
    const list = byCutoff.get(observations.cutoff[i]!) ?? []
    list.push(i)
    byCutoff.set(observations.cutoff[i]!, list)
  }
  let topChurned = 0
  let topSize = 0
  let allChurned = 0
  for (const indices of byCutoff.values()) {
    indices.sort((a, b) => scores[b]! - scores[a]!)
    const k = indices.length / 10
    let taken = 0
    for (let start = 0; start < indices.length && taken < k;) {
      let end = start
      let churned = 0
      while (end < indices.length && scores[indices[end]!] === scores[indices[start]!])
        churned += observations.churned[indices[end++]!]!
      const size = end - start
      const share = Math.min(1, (k - taken) / size)
      topChurned += churned * share
      topSize += size * share
      taken += size * share
      start = end
    }
    for (const i of indices) allChurned += observations.churned[i]!
  }
  if (topSize === 0 || allChurned === 0) return null
  return topChurned / topSize / (allChurned / observations.count)
}

/** One scorer's ranking quality over the observations, with bands given per observation. */
export function summarizeRanking(
  observations: Observations,
  scores: Float64Array,
  bands: readonly RiskBand[],
  options: SummarizeOptions,
): RankingReport {
  const bandChurnRates: Record<RiskBand, BandOutcome> = {
    low: { observations: 0, churned: 0, rate: null },
    medium: { observations: 0, churned: 0, rate: null },
    high: { observations: 0, churned: 0, rate: null },
  }
  let falseAlarms = 0
  const firstHigh = new Map<number, number>()
  for (let i = 0; i < observations.count; i++) {
    const band = bandChurnRates[bands[i]!]
    band.observations += 1
    band.churned += observations.churned[i]!
    if (bands[i] !== 'high') continue
    if (observations.churned[i] === 0) falseAlarms += 1
    const company = observations.company[i]!
    const churnedAt = options.churnedAt[company]
    const at = observations.cutoffs[observations.cutoff[i]!]!
    if (churnedAt !== null && churnedAt !== undefined && at < churnedAt && at >= churnedAt - LEAD_LOOKBACK_DAYS * DAY) {
      firstHigh.set(company, Math.min(firstHigh.get(company) ?? at, at))
    }
  }
  for (const band of Object.values(bandChurnRates))
    band.rate = band.observations > 0 ? band.churned / band.observations : null

  const churners = new Set<number>()
  for (let i = 0; i < observations.count; i++) if (observations.churned[i] === 1) churners.add(observations.company[i]!)
  const leads = [...firstHigh]
    .filter(([company]) => churners.has(company))
    .map(([company, at]) => (options.churnedAt[company]! - at) / DAY)
  const evidence = options.enoughEvidence
  return {
    ...(evidence
      ? aucWithInterval(observations, scores, options.resamples ?? 1000)
      : { auc: null, aucLow: null, aucHigh: null }),
    topDecileLift: evidence ? topDecileLift(observations, scores) : null,
    medianLeadDays: evidence ? median(leads) : null,
    churnersFlagged: evidence && churners.size > 0 ? leads.length / churners.size : null,
    bandChurnRates,
    falseAlarmsPerMonth: observations.cutoffs.length > 0 ? falseAlarms / observations.cutoffs.length : null,
  }
}
