import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { describeCsvInputError } from '../churn/backtest/csv-input-error'
import { formatBacktestReport } from '../churn/backtest/format-backtest-report'
import { parseCsvDate } from '../churn/backtest/parse-csv-date'
import { readBacktestFiles } from '../churn/backtest/read-backtest-files'
import { runBacktest } from '../churn/backtest/run-backtest'
import { scoreCompaniesAt } from '../churn/backtest/score-companies-at'
import { latestDataPoint } from '../churn/backtest/choose-cutoffs'

const usage = `usage: npm run churn:backtest -- --tickets TICKETS.csv --outcomes OUTCOMES.csv [--horizon-days 90] [--json] [--scores-out SCORES.csv]
                                    [--cutoff 2026-01-01 ...] [--as-of 2026-06-30]

TICKETS.csv: company_id,ticket_id,created_at,closed_at,priority,subject,content
OUTCOMES.csv: company_id,churned_at[,customer_since]   (churned_at empty: still a customer)
Times are ISO-8601. See the README, "Backtest on your own data".`

function fail(message: string, code: number): never {
  console.error(message)
  process.exit(code)
}

let args: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    options: {
      tickets: { type: 'string' },
      outcomes: { type: 'string' },
      'horizon-days': { type: 'string', default: '90' },
      json: { type: 'boolean', default: false },
      'scores-out': { type: 'string' },
      cutoff: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
}
try {
  args = parse()
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 64)
}
const { values } = args
if (values.help) fail(usage, 0)
if (!values.tickets || !values.outcomes) fail(usage, 64)
const horizonDays = Number(values['horizon-days'])
if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > 730)
  fail(`--horizon-days must be a whole number of days from 1 to 730, not "${values['horizon-days']}"`, 64)
const cutoffs = (values.cutoff ?? []).map(
  (text) => parseCsvDate(text) ?? fail(`--cutoff "${text}" is not an ISO-8601 date`, 64),
)
const asOf =
  values['as-of'] === undefined
    ? undefined
    : (parseCsvDate(values['as-of']) ?? fail(`--as-of "${values['as-of']}" is not an ISO-8601 date`, 64))

const input = await readBacktestFiles(values.tickets, values.outcomes)
if (!input.ok) fail(describeCsvInputError(input.error), 65)
const { companies } = input.value
const report = runBacktest(companies, {
  horizonDays,
  learn: true,
  ...(cutoffs.length > 0 ? { cutoffs } : {}),
  ...(asOf === undefined ? {} : { asOf }),
})
const { observationsData: _observations, ...result } = report
if (input.value.companiesWithoutOutcome > 0)
  result.notes.unshift(
    `${input.value.companiesWithoutOutcome} companies have tickets but no row in the outcomes file; they were kept as customers that never churned.`,
  )

if (values['scores-out']) {
  const at = asOf ?? latestDataPoint(companies)
  const lines = [
    'company_id,score,band',
    ...scoreCompaniesAt(companies, at).map((s) => `${csvCell(s.id)},${s.score},${s.band}`),
  ]
  try {
    writeFileSync(values['scores-out'], `${lines.join('\n')}\n`)
  } catch (error) {
    fail(
      `cannot write ${values['scores-out']}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      73,
    )
  }
}
console.log(values.json ? JSON.stringify(result) : formatBacktestReport(result))

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
