import type { SignalWeights } from '../churn-weights'
import type { RankingReport } from '../backtest/backtest-report'
import type { AucGain } from './compare-weights'

export interface PeriodSummary {
  cutoffs: number
  from: string | null
  to: string | null
  churnEvents: number
}

/** Learned weights, fitted on earlier cut-offs and judged on later ones; numbers are for the later ones. */
export interface LearnedReport extends RankingReport {
  adopted: boolean
  /** Why they were adopted or not, in a sentence. */
  reason: string
  weights: SignalWeights | null
  trainedOn: PeriodSummary | null
  testedOn: PeriodSummary | null
  /** The default weights on the same later cut-offs, for the comparison. */
  defaultOnTest: Pick<RankingReport, 'auc' | 'aucLow' | 'aucHigh'> | null
  /** Learned minus default AUC on the later cut-offs, with a paired bootstrap interval. */
  aucGain: AucGain | null
}
