import type { RiskBand } from '@churnlens/contracts'

export interface BandOutcome {
  /** Company-months in the band. */
  observations: number
  /** Of those, how many churned within the horizon. */
  churned: number
  rate: number | null
}

/** How well one scorer ranked churners; every number is null where the evidence is too thin. */
export interface RankingReport {
  /** ROC AUC: how often a company that churned was scored above one that stayed. */
  auc: number | null
  /** 95% bootstrap interval, resampling whole companies. */
  aucLow: number | null
  aucHigh: number | null
  /** Churn rate among the top-scored tenth, over the overall churn rate. */
  topDecileLift: number | null
  /** Median days from a churner's first high-band score (within the year before) to its churn. */
  medianLeadDays: number | null
  /** Share of churners that were in the high band at some cut-off in the year before they left. */
  churnersFlagged: number | null
  bandChurnRates: Record<RiskBand, BandOutcome>
  /** Companies in the high band that did not churn within the horizon, per monthly cut-off. */
  falseAlarmsPerMonth: number | null
}

export interface BacktestReport {
  companies: number
  churnEvents: number
  cutoffs: number
  firstCutoff: string | null
  lastCutoff: string | null
  horizonDays: number
  /** Company-months scored. */
  observations: number
  enoughEvidence: boolean
  /** Said plainly when there is not enough evidence, or when the score does not beat the baseline. */
  notes: string[]
  current: RankingReport
  /** Ticket count in the last 90 days; its bands hold as many companies as the current score's. */
  baseline: RankingReport
}
