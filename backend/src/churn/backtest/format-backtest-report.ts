import type { RiskBand } from '@churnlens/contracts'
import type { LearnedReport } from '../learning/learned-report'
import type { BacktestReport, RankingReport } from './backtest-report'

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)
const num = (x: number | null, digits = 3) => (x === null ? '—' : x.toFixed(digits))
const count = (n: number) => n.toLocaleString('en-US')

function aucText(r: RankingReport): string {
  if (r.auc === null) return '—'
  return r.aucLow === null || r.aucHigh === null ? num(r.auc) : `${num(r.auc)} (${num(r.aucLow)}–${num(r.aucHigh)})`
}

function bandText(r: RankingReport, band: RiskBand): string {
  const b = r.bandChurnRates[band]
  return `${pct(b.rate)} of ${count(b.observations)}`
}

/** The backtest as a person reads it in a terminal: the score beside the baseline, then the caveats. */
export function formatBacktestReport(report: BacktestReport & { learned?: LearnedReport }): string {
  const rows: [string, string, string][] = [
    ['ROC AUC (95% interval)', aucText(report.current), aucText(report.baseline)],
    [
      'Top-decile lift',
      report.current.topDecileLift === null ? '—' : `${num(report.current.topDecileLift, 2)}×`,
      report.baseline.topDecileLift === null ? '—' : `${num(report.baseline.topDecileLift, 2)}×`,
    ],
    ['Churn rate, high band', bandText(report.current, 'high'), bandText(report.baseline, 'high')],
    ['Churn rate, medium band', bandText(report.current, 'medium'), bandText(report.baseline, 'medium')],
    ['Churn rate, low band', bandText(report.current, 'low'), bandText(report.baseline, 'low')],
    ['Median lead time (days)', num(report.current.medianLeadDays, 0), num(report.baseline.medianLeadDays, 0)],
    [
      'Churners flagged high in the year before',
      pct(report.current.churnersFlagged),
      pct(report.baseline.churnersFlagged),
    ],
    [
      'False alarms per monthly cut-off',
      num(report.current.falseAlarmsPerMonth, 1),
      num(report.baseline.falseAlarmsPerMonth, 1),
    ],
  ]
  const width = Math.max(...rows.map((r) => r[0].length)) + 2
  const col = Math.max(14, ...rows.map((r) => r[1].length)) + 2
  const span =
    report.firstCutoff && report.lastCutoff
      ? ` (${report.firstCutoff.slice(0, 10)} → ${report.lastCutoff.slice(0, 10)})`
      : ''
  return [
    `Churn backtest: ${count(report.companies)} companies, ${count(report.churnEvents)} churn events within the horizon, ${report.cutoffs} monthly ${report.cutoffs === 1 ? 'cut-off' : 'cut-offs'}${span}, ${report.horizonDays}-day horizon, ${count(report.observations)} company-months scored.`,
    '',
    `${''.padEnd(width)}${'churn score'.padEnd(col)}baseline (tickets in the last 90 days)`,
    ...rows.map(([label, current, baseline]) => `${label.padEnd(width)}${current.padEnd(col)}${baseline}`),
    '',
    "The baseline's bands hold as many companies as the score's at each cut-off. AUC intervals resample whole companies.",
    ...report.notes.map((note) => `Note: ${note}`),
    ...(report.learned ? ['', ...formatLearned(report.learned)] : []),
  ].join('\n')
}

/** The learned-weights section: where it was fitted and tested, how it compares, and the verdict. */
export function formatLearned(
  learned: LearnedReport,
  heading = 'Learned weights (fitted on earlier cut-offs, tested on later ones):',
): string[] {
  const lines = [heading]
  const span = (p: LearnedReport['trainedOn']) =>
    p && p.from && p.to
      ? `${p.cutoffs} cut-offs ${p.from.slice(0, 10)} → ${p.to.slice(0, 10)}, ${p.churnEvents} churn events`
      : '—'
  if (learned.trainedOn) lines.push(`  fitted on ${span(learned.trainedOn)}; tested on ${span(learned.testedOn)}`)
  if (learned.defaultOnTest)
    lines.push(
      `  on the later cut-offs: learned AUC ${aucText(learned)}, default weights ${aucText({ ...learned, ...learned.defaultOnTest })}`,
    )
  if (learned.weights)
    lines.push(
      `  weights: ${Object.entries(learned.weights)
        .map(([signal, weight]) => `${signal} ${weight}`)
        .join(', ')}`,
    )
  lines.push(`  ${learned.adopted ? 'Adopted' : 'Not adopted'}: ${learned.reason}`)
  return lines
}
