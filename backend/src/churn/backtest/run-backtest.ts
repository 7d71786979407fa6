import type { RiskBand } from '@churnlens/contracts'
import type { SignalWeights } from '../churn-weights'
import { defaultSignalWeights } from '../churn-weights'
import { bandOf } from '../score-company'
import type { LearnedReport } from '../learning/learned-report'
import { learnOverTime, notLearned } from '../learning/evaluate-learned-weights'
import type { BacktestReport, RankingReport } from './backtest-report'
import { chooseCutoffs, latestDataPoint } from './choose-cutoffs'
import type { Observations } from './collect-observations'
import { collectObservations } from './collect-observations'
import { scoreObservations } from './score-observations'
import type { CompanyHistory } from './company-history'
import { summarizeRanking } from './summarize-ranking'

/** Fewer churn events than this and an AUC means nothing: the report says so instead. */
export const MIN_CHURN_EVENTS = 20

export interface BacktestOptions {
  horizonDays: number
  /** Explicit cut-offs (epoch ms); default: monthly across the data. */
  cutoffs?: readonly number[]
  /** Outcomes are known up to here; default: the latest ticket, close or churn in the data. */
  asOf?: number
  weights?: SignalWeights
  resamples?: number
  /** Also learn weights on earlier cut-offs and judge them on later ones. */
  learn?: boolean
}

const iso = (at: number | undefined) => (at === undefined ? null : new Date(at).toISOString())

/**
 * Bands for the baseline that hold, at each cut-off, as many companies as the current score's
 * bands do: "alarm on as many customers by ticket count" is the fair comparison.
 */
export function rankMatchedBands(
  observations: Observations,
  scores: Float64Array,
  reference: readonly RiskBand[],
): RiskBand[] {
  const bands: RiskBand[] = new Array<RiskBand>(observations.count).fill('low')
  const byCutoff = new Map<number, number[]>()
  for (let i = 0; i < observations.count; i++) {
    const list = byCutoff.get(observations.cutoff[i]!)
    if (list) list.push(i)
    else byCutoff.set(observations.cutoff[i]!, [i])
  }
  for (const indices of byCutoff.values()) {
    const high = indices.filter((i) => reference[i] === 'high').length
    const medium = indices.filter((i) => reference[i] === 'medium').length
    const ranked = [...indices].sort((a, b) => scores[b]! - scores[a]! || a - b)
    ranked.forEach((i, rank) => {
      bands[i] = rank < high ? 'high' : rank < high + medium ? 'medium' : 'low'
    })
  }
  return bands
}

/**
 * Scores every company at every cut-off with only what was known then, and compares with churn in
 * the following `horizonDays`: for the current score and for the baseline (tickets in the last 90
 * days). One engine for the command line and the product's model page.
 */
export function runBacktest(
  companies: readonly CompanyHistory[],
  options: BacktestOptions,
): BacktestReport & { learned?: LearnedReport; observationsData: Observations } {
  const asOf = options.asOf ?? latestDataPoint(companies)
  const cutoffs = options.cutoffs
    ? [...options.cutoffs].sort((a, b) => a - b)
    : chooseCutoffs(companies, options.horizonDays, asOf)
  const observations = collectObservations(companies, cutoffs, options.horizonDays)
  const churnEvents = new Set<number>()
  for (let i = 0; i < observations.count; i++)
    if (observations.churned[i] === 1) churnEvents.add(observations.company[i]!)
  const enoughEvidence = churnEvents.size >= MIN_CHURN_EVENTS
  const notes: string[] = []
  if (cutoffs.length === 0)
    notes.push(
      `No cut-off has a full ${options.horizonDays}-day horizon inside the data: it needs at least ${Math.ceil(options.horizonDays / 30) + 4} months of history.`,
    )
  if (!enoughEvidence)
    notes.push(
      `Only ${churnEvents.size} churn events fall within ${options.horizonDays} days of a cut-off; at least ${MIN_CHURN_EVENTS} are needed before ranking quality means anything, so no AUC is given.`,
    )

  const scores = scoreObservations(observations, options.weights ?? defaultSignalWeights)
  const bands = Array.from(scores, (s) => bandOf(s))
  const summarize = {
    churnedAt: companies.map((c) => c.churnedAt),
    enoughEvidence,
    ...(options.resamples ? { resamples: options.resamples } : {}),
  }
  const current = summarizeRanking(observations, scores, bands, summarize)
  const baseline = summarizeRanking(
    observations,
    observations.recentTickets,
    rankMatchedBands(observations, observations.recentTickets, bands),
    summarize,
  )
  if (enoughEvidence) notes.push(...compareWithBaseline(current, baseline))
  const learned = options.learn
    ? enoughEvidence
      ? learnOverTime(observations, summarize.churnedAt, {
          ...(options.weights ? { defaults: options.weights } : {}),
          ...(options.resamples ? { resamples: options.resamples } : {}),
        })
      : notLearned('Not enough churn events to learn from. The defaults stay.')
    : undefined
  return {
    companies: companies.length,
    churnEvents: churnEvents.size,
    cutoffs: cutoffs.length,
    firstCutoff: iso(cutoffs[0]),
    lastCutoff: iso(cutoffs.at(-1)),
    horizonDays: options.horizonDays,
    observations: observations.count,
    enoughEvidence,
    notes,
    current,
    baseline,
    ...(learned ? { learned } : {}),
    observationsData: observations,
  }
}

function compareWithBaseline(current: RankingReport, baseline: RankingReport): string[] {
  if (current.auc === null || baseline.auc === null) return []
  if (current.aucLow !== null && current.aucLow > baseline.auc) return []
  if (current.auc <= baseline.auc)
    return [
      `The churn score does not beat the baseline here: AUC ${current.auc.toFixed(3)} against ${baseline.auc.toFixed(3)} for the ticket count of the last 90 days.`,
    ]
  return [
    `The churn score's AUC (${current.auc.toFixed(3)}) is above the baseline's (${baseline.auc.toFixed(3)}), but the baseline lies inside its 95% interval: the difference is not clear evidence.`,
  ]
}
