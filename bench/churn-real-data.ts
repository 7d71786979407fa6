import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatBacktestReport, formatLearned } from '../backend/src/churn/backtest/format-backtest-report'
import { evaluateLearnedWeights } from '../backend/src/churn/learning/evaluate-learned-weights'
import { readBacktestFiles } from '../backend/src/churn/backtest/read-backtest-files'
import { runBacktest } from '../backend/src/churn/backtest/run-backtest'
import { bootstrapInterval } from '../backend/src/churn/stats/bootstrap-interval'
import { rocAuc } from '../backend/src/churn/stats/roc-auc'
import type { ConvertedSet } from './convert-churn-data'
import { convertCell2cell, convertIranian } from './convert-churn-data'

const root = fileURLToPath(new URL('..', import.meta.url))
export const churnDataDir = join(root, '../shared/churn-data')

/** AUC of one raw column, with the same company bootstrap, for context beside the engine's baseline. */
function columnAuc(set: ConvertedSet, values: Map<string, number>): string {
  const ids = [...set.churned.keys()]
  const outcomes = ids.map((id) => ({ score: values.get(id) ?? 0, positive: set.churned.get(id)! }))
  const auc = rocAuc(outcomes)
  const interval = bootstrapInterval(
    ids.length,
    (weights) => rocAuc(outcomes.map((o, i) => ({ ...o, weight: weights[i]! }))),
    { resamples: 300 },
  )
  return auc === null ? '—' : `${auc.toFixed(3)} (${interval?.low.toFixed(3)}–${interval?.high.toFixed(3)})`
}

export interface RealDataResult {
  name: string
  report: ReturnType<typeof runBacktest>
  churnedAt: (number | null)[]
}

/**
 * The backtest on data nobody here generated. Prints every conversion assumption, the score's AUC
 * with its interval and the baselines'. Skips with a note when ../shared/churn-data is absent.
 */
export async function benchRealChurnData(): Promise<RealDataResult[]> {
  if (!existsSync(churnDataDir)) {
    console.log(`\nReal churn data: skipped, ${churnDataDir} is not here (see the README, "Benchmarks").`)
    return []
  }
  const outDir = join(root, '.tmp/churn-real-data')
  mkdirSync(outDir, { recursive: true })
  const sets = [
    convertCell2cell(join(churnDataDir, 'cell2cell-support.csv'), outDir, 'validation'),
    convertCell2cell(join(churnDataDir, 'cell2cell-support.csv'), outDir, 'calibration'),
    convertIranian(join(churnDataDir, 'iranian-churn.csv'), outDir),
  ]
  const results: RealDataResult[] = []
  for (const set of sets) {
    const input = await readBacktestFiles(set.ticketsFile, set.outcomesFile)
    if (!input.ok) throw new Error(`conversion produced a file the backtest refuses: ${JSON.stringify(input.error)}`)
    const started = performance.now()
    const report = runBacktest(input.value.companies, {
      horizonDays: set.horizonDays,
      cutoffs: [set.cutoff],
      asOf: set.asOf,
      resamples: 500,
    })
    console.log(
      `\n--- Real data: ${set.name} (${input.value.tickets.toLocaleString('en-US')} tickets, backtest ${((performance.now() - started) / 1000).toFixed(1)} s) ---`,
    )
    console.log('Assumptions of the conversion:')
    for (const assumption of set.assumptions) console.log(`  - ${assumption}`)
    console.log(formatBacktestReport(report))
    for (const extra of set.extraBaselines)
      console.log(`Other baseline, ${extra.name}: AUC ${columnAuc(set, extra.values)}`)
    results.push({ name: set.name, report, churnedAt: input.value.companies.map((c) => c.churnedAt) })
  }
  // Learned weights need data to learn from that is not the data they are judged on. Cell2cell
  // comes with two samples of the same period (the tournament's calibration and validation): fit on
  // one, judge on the other. The Iranian set has one period and no holdout: nothing honest to learn on.
  const [validation, calibration] = results
  if (validation && calibration) {
    const learned = evaluateLearnedWeights(
      calibration.report.observationsData,
      validation.report.observationsData,
      validation.churnedAt,
      { trainCutoffs: [0], testCutoffs: [0], resamples: 500 },
    )
    console.log(
      '\n--- Real data: default versus learned weights, cell2cell (fitted on the calibration sample, tested on the validation sample) ---',
    )
    for (const line of formatLearned(
      learned,
      'Learned weights (fitted on the calibration sample, tested on the validation sample):',
    ))
      console.log(line)
  }
  console.log(
    '\nIranian telecom: learned weights not evaluated; the set has one period and no holdout sample to test them on.',
  )
  return results
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchRealChurnData()
}
