import type { ChurnDefinition, ChurnSignal, ModelReport, RankingReportView } from '@churnlens/contracts'
import { churnSignals } from '@churnlens/contracts'

/*
 * Every word the model page says about how well the score predicted the team's own churn.
 */

const percent = (x: number) => `${Math.round(x * 100)}%`

/**
 * The AUC as a sentence a person reads at a glance, with its interval.
 * @example aucSentence({ auc: 0.78, aucLow: 0.71, aucHigh: 0.84 }) ===
 *   'Companies that churned were scored higher than ones that stayed 78% of the time (71–84%).'
 */
export function aucSentence(report: Pick<RankingReportView, 'auc' | 'aucLow' | 'aucHigh'>): string | null {
  if (report.auc === null) return null
  const interval =
    report.aucLow !== null && report.aucHigh !== null
      ? ` (${Math.round(report.aucLow * 100)}–${percent(report.aucHigh)})`
      : ''
  return `Companies that churned were scored higher than ones that stayed ${percent(report.auc)} of the time${interval}.`
}

export type BaselineVerdict = 'beats' | 'unclear' | 'does_not_beat'

/** Whether the score beats the ticket-count baseline: clearly (its interval is above), unclearly, or not. */
export function baselineVerdict(current: RankingReportView, baseline: RankingReportView): BaselineVerdict | null {
  if (current.auc === null || baseline.auc === null) return null
  if (current.auc <= baseline.auc) return 'does_not_beat'
  return current.aucLow !== null && current.aucLow > baseline.auc ? 'beats' : 'unclear'
}

export function baselineSentence(current: RankingReportView, baseline: RankingReportView): string | null {
  const verdict = baselineVerdict(current, baseline)
  if (verdict === null || baseline.auc === null) return null
  const against = `simply counting each company's tickets in the last 90 days (${percent(baseline.auc)})`
  if (verdict === 'beats') return `The score clearly beats ${against}.`
  if (verdict === 'unclear') return `The score does a little better than ${against}, but not by more than the noise.`
  return `The score does not beat ${against} on your history.`
}

/** "0.78", or a dash. */
export function formatAuc(x: number | null): string {
  return x === null ? '—' : x.toFixed(2)
}

/** "12.5%", or a dash. */
export function formatRate(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`
}

/** Lead times grouped in 30-day bins for a histogram: "0–29 days", "30–59 days", … */
export function leadTimeBins(days: readonly number[], width = 30): { label: string; count: number }[] {
  if (days.length === 0) return []
  const top = Math.max(...days)
  const bins = Array.from({ length: Math.floor(top / width) + 1 }, (_, i) => ({
    label: `${i * width}–${i * width + width - 1} days`,
    count: 0,
  }))
  for (const d of days) bins[Math.floor(Math.max(0, d) / width)]!.count += 1
  return bins
}

/** What the page says instead of numbers when there is too little evidence. */
export function missingEvidence(
  report: Pick<ModelReport, 'churnEvents' | 'cutoffs' | 'enoughEvidence' | 'horizonDays'>,
): string | null {
  if (report.enoughEvidence) return null
  if (report.cutoffs === 0)
    return `There is not enough history yet: a test needs monthly cut-offs with a full ${report.horizonDays}-day horizon after them, about ${Math.ceil(report.horizonDays / 30) + 4} months of tickets.`
  const needed = 20 - report.churnEvents
  return `Only ${report.churnEvents} ${report.churnEvents === 1 ? 'company' : 'companies'} churned within ${report.horizonDays} days of a cut-off in your history. At least 20 are needed before the numbers mean anything: ${needed} more churn ${needed === 1 ? 'event' : 'events'}, or a definition that captures more of them.`
}

/** Signals in a stable order with their weights, for the weights table. */
export function weightRows(
  defaults: Record<ChurnSignal, number>,
  learned: Record<ChurnSignal, number> | null,
  active: Record<ChurnSignal, number>,
) {
  return churnSignals.map((signal) => ({
    signal,
    default: defaults[signal],
    learned: learned?.[signal] ?? null,
    active: active[signal],
  }))
}

const definitionKinds: Record<ChurnDefinition['kind'], string> = {
  property: 'a company property taking a churned value',
  date_property: 'a company date property holding the churn date',
  deals: 'lost renewal deals',
  upload: 'an uploaded list of churned companies',
}

/** "Churned means: a company property taking a churned value (lifecyclestage)". */
export function describeDefinition(definition: ChurnDefinition): string {
  const detail =
    definition.kind === 'property' || definition.kind === 'date_property'
      ? ` (${definition.property})`
      : definition.kind === 'deals'
        ? ` (pipeline ${definition.pipelineId})`
        : ''
  return `Churned means ${definitionKinds[definition.kind]}${detail}.`
}
