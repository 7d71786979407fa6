import type { RiskBand } from '@churnlens/contracts'
import type { BandOutcome } from '../backtest/backtest-report'
import type { Observations } from '../backtest/collect-observations'
import { subsetObservations } from '../backtest/subset-observations'
import { summarizeRanking } from '../backtest/summarize-ranking'
import { defaultSignalWeights } from '../churn-weights'
import type { SignalWeights } from '../churn-weights'
import { bandOf } from '../score-company'
import { scoreObservations } from '../backtest/score-observations'
import { compareAuc } from './compare-weights'
import type { LearnedReport, PeriodSummary } from './learned-report'
import { learnSignalWeights } from './learn-signal-weights'
import { splitByTime } from './split-by-time'

const emptyBands = (): Record<RiskBand, BandOutcome> => ({
  low: { observations: 0, churned: 0, rate: null },
  medium: { observations: 0, churned: 0, rate: null },
  high: { observations: 0, churned: 0, rate: null },
})

export function notLearned(reason: string): LearnedReport {
  return {
    auc: null,
    aucLow: null,
    aucHigh: null,
    topDecileLift: null,
    medianLeadDays: null,
    churnersFlagged: null,
    bandChurnRates: emptyBands(),
    falseAlarmsPerMonth: null,
    adopted: false,
    reason,
    weights: null,
    trainedOn: null,
    testedOn: null,
    defaultOnTest: null,
    aucGain: null,
  }
}

function period(observations: Observations, cutoffIndices: readonly number[]): PeriodSummary {
  const churners = new Set<number>()
  for (let i = 0; i < observations.count; i++) if (observations.churned[i] === 1) churners.add(observations.company[i]!)
  const at = (i: number | undefined) => (i === undefined ? null : new Date(observations.cutoffs[i]!).toISOString())
  return {
    cutoffs: cutoffIndices.length,
    from: at(cutoffIndices[0]),
    to: at(cutoffIndices.at(-1)),
    churnEvents: churners.size,
  }
}

const f3 = (x: number) => x.toFixed(3)

/**
 * Learns weights on `train` observations and judges them on `test` ones against `defaults`: adopted
 * only when the gain's 95% interval lies wholly above zero, i.e. beats the defaults by more than
 * the noise.
 */
export function evaluateLearnedWeights(
  train: Observations,
  test: Observations,
  churnedAt: readonly (number | null)[],
  options: { defaults?: SignalWeights; resamples?: number; trainCutoffs: number[]; testCutoffs: number[] },
): LearnedReport {
  const defaults = options.defaults ?? defaultSignalWeights
  const learned = learnSignalWeights(train)
  if (!learned.ok)
    return {
      ...notLearned(`Learned weights were not fitted: ${learned.reason}. The defaults stay.`),
      trainedOn: period(train, options.trainCutoffs),
      testedOn: period(test, options.testCutoffs),
    }
  const learnedScores = scoreObservations(test, learned.weights)
  const defaultScores = scoreObservations(test, defaults)
  const testPeriod = period(test, options.testCutoffs)
  const enough = testPeriod.churnEvents >= 20
  const summary = { churnedAt, enoughEvidence: enough, ...(options.resamples ? { resamples: options.resamples } : {}) }
  const report = summarizeRanking(test, learnedScores, Array.from(learnedScores, bandOf), summary)
  const reference = summarizeRanking(test, defaultScores, Array.from(defaultScores, bandOf), summary)
  const gain = enough ? compareAuc(test, learnedScores, defaultScores, options.resamples) : null
  const adopted = gain !== null && gain.low > 0
  const reason = !enough
    ? `Only ${testPeriod.churnEvents} churn events in the later months to test on (at least 20 are needed). The defaults stay.`
    : gain === null
      ? 'The later months could not be compared. The defaults stay.'
      : adopted
        ? `Learned weights beat the defaults on the later months: AUC ${f3(report.auc ?? 0)} against ${f3(reference.auc ?? 0)} (gain ${f3(gain.value)}, 95% interval ${f3(gain.low)} to ${f3(gain.high)}).`
        : `Learned weights did not beat the defaults by more than the noise on the later months: gain ${f3(gain.value)} (95% interval ${f3(gain.low)} to ${f3(gain.high)}). The defaults stay.`
  return {
    ...report,
    adopted,
    reason,
    weights: learned.weights,
    trainedOn: period(train, options.trainCutoffs),
    testedOn: testPeriod,
    defaultOnTest: { auc: reference.auc, aucLow: reference.aucLow, aucHigh: reference.aucHigh },
    aucGain: gain,
  }
}

/** The time-split version the backtest uses: earlier cut-offs train, later ones test. */
export function learnOverTime(
  observations: Observations,
  churnedAt: readonly (number | null)[],
  options: { defaults?: SignalWeights; resamples?: number } = {},
): LearnedReport {
  const split = splitByTime(observations.cutoffs, observations.horizonDays)
  if (!split)
    return notLearned(
      `Learned weights need cut-offs whose ${observations.horizonDays}-day horizon ends before a later test period starts; this data has too few. The defaults stay.`,
    )
  const train = subsetObservations(observations, (i) => split.train.includes(i))
  const test = subsetObservations(observations, (i) => split.test.includes(i))
  return evaluateLearnedWeights(train, test, churnedAt, {
    ...options,
    trainCutoffs: split.train,
    testCutoffs: split.test,
  })
}
