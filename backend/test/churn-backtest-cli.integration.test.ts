import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
let dir: string

/** The command as a person runs it, through tsx on the project's Node. */
async function backtest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'backend/src/cli/churn-backtest.ts', ...args],
      { cwd: root },
    )
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/**
 * 60 companies over 14 months: 30 leave, each after writing that it will cancel its subscription
 * a few weeks before; 30 stay and write ordinary questions. Small enough to read, big enough to
 * clear the 20-event floor.
 */
function fixture(): { tickets: string; outcomes: string } {
  const tickets = ['company_id,ticket_id,created_at,closed_at,priority,subject,content']
  const outcomes = ['company_id,churned_at,customer_since']
  let id = 1
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString()
  for (let c = 0; c < 60; c++) {
    const churns = c < 30
    const churnDay = 150 + c * 9
    outcomes.push(`acme-${c},${churns ? day(churnDay).slice(0, 10) : ''},2025-01-01`)
    for (let t = 0; t < 12; t++) {
      const created = 10 + t * 35 + (c % 7)
      if (churns && created >= churnDay) break
      tickets.push(
        `acme-${c},${id++},${day(created)},${day(created + 1)},LOW,"Question, about exports",How do I export a report?`,
      )
    }
    if (churns)
      tickets.push(
        `acme-${c},${id++},${day(churnDay - 20)},,HIGH,Renewal,"We have decided to cancel our subscription."`,
      )
  }
  return {
    tickets: file('tickets.csv', `${tickets.join('\n')}\n`),
    outcomes: file('outcomes.csv', `${outcomes.join('\n')}\n`),
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'churn-backtest-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run churn:backtest', () => {
  it('prints one JSON object with the score beside the baseline', async () => {
    const { tickets, outcomes } = fixture()
    const { code, stdout } = await backtest('--tickets', tickets, '--outcomes', outcomes, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report).toMatchObject({ companies: 60, horizonDays: 90, enoughEvidence: true })
    expect(report.churnEvents).toBeGreaterThanOrEqual(20)
    expect(report.cutoffs).toBeGreaterThan(5)
    for (const side of [report.current, report.baseline]) {
      expect(Object.keys(side)).toEqual(
        expect.arrayContaining(['auc', 'aucLow', 'aucHigh', 'topDecileLift', 'medianLeadDays', 'bandChurnRates']),
      )
    }
    expect(report.current.auc).toBeGreaterThan(report.baseline.auc)
    expect(report.current.aucLow).toBeLessThanOrEqual(report.current.auc)
    // Learned weights are fitted and judged the same way, with their own verdict.
    expect(Object.keys(report.learned)).toEqual(
      expect.arrayContaining([
        'auc',
        'aucLow',
        'aucHigh',
        'topDecileLift',
        'medianLeadDays',
        'bandChurnRates',
        'adopted',
        'reason',
      ]),
    )
    expect(report.learned.adopted).toBe(false)
  })

  it('prints a readable report, and writes scores as of the end of the data', async () => {
    const { tickets, outcomes } = fixture()
    const scores = join(dir, 'scores.csv')
    const { code, stdout } = await backtest(
      '--tickets',
      tickets,
      '--outcomes',
      outcomes,
      '--horizon-days',
      '60',
      '--scores-out',
      scores,
    )
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Churn backtest: 60 companies/)
    expect(stdout).toMatch(/ROC AUC \(95% interval\)\s+0\.\d{3} \(0\.\d{3}–[01]\.\d{3}\)/)
    expect(stdout).toMatch(
      /Learned weights \(fitted on earlier cut-offs, tested on later ones\):\n[\s\S]*Not adopted: /,
    )
    const lines = readFileSync(scores, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('company_id,score,band')
    // Only the 30 companies that stayed are still customers at the end.
    expect(lines).toHaveLength(31)
    expect(lines[1]).toMatch(/^acme-\d+,\d+,(low|medium|high)$/)
  })

  it('says there is not enough evidence below 20 churn events, and prints no AUC', async () => {
    const { tickets } = fixture()
    const outcomes = file('few.csv', 'company_id,churned_at\nacme-0,2025-06-01\nacme-1,\n')
    const { code, stdout } = await backtest('--tickets', tickets, '--outcomes', outcomes, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.enoughEvidence).toBe(false)
    expect(report.current.auc).toBeNull()
    expect(report.notes.join(' ')).toMatch(/at least 20 are needed/)
    expect(report.notes.join(' ')).toMatch(/58 companies have tickets but no row in the outcomes file/)
  })

  it.each([
    [
      'a malformed date',
      'company_id,ticket_id,created_at,closed_at,priority,subject,content\na,1,2025-01-01,,LOW,x,y\na,2,yesterday,,LOW,x,y\n',
      /tickets\.csv, line 3: created_at "yesterday" is not an ISO-8601 date or time/,
    ],
    [
      'an unknown priority',
      'company_id,ticket_id,created_at,closed_at,priority,subject,content\na,1,2025-01-01,,SEVERE,x,y\n',
      /line 2: priority "SEVERE" is not one of LOW, MEDIUM, HIGH, URGENT/,
    ],
    [
      'a close before the creation',
      'company_id,ticket_id,created_at,closed_at,priority,subject,content\na,1,2025-02-01,2025-01-01,,x,y\n',
      /line 2: closed_at is before created_at/,
    ],
    [
      'a missing column',
      'company_id,ticket_id,created_at,priority,subject,content\na,1,2025-01-01,LOW,x,y\n',
      /line 1: the header lacks closed_at/,
    ],
    [
      'an unclosed quote',
      'company_id,ticket_id,created_at,closed_at,priority,subject,content\na,1,2025-01-01,,LOW,"x,y\n',
      /tickets\.csv, line \d+: unclosed quote/i,
    ],
    [
      'a short row',
      'company_id,ticket_id,created_at,closed_at,priority,subject,content\na,1,2025-01-01\n',
      /tickets\.csv, line 2:/,
    ],
  ])('rejects %s with the line and what is wrong, never a stack trace', async (_, text, message) => {
    const outcomes = file('outcomes-ok.csv', 'company_id,churned_at\na,\n')
    const { code, stdout, stderr } = await backtest('--tickets', file('tickets.csv', text), '--outcomes', outcomes)
    expect(code).toBe(65)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('rejects a bad outcomes file, a missing file and bad arguments', async () => {
    const { tickets } = fixture()
    const dup = await backtest(
      '--tickets',
      tickets,
      '--outcomes',
      file('dup.csv', 'company_id,churned_at\na,\na,2025-01-01\n'),
    )
    expect(dup).toMatchObject({ code: 65 })
    expect(dup.stderr).toMatch(/dup\.csv, line 3: company a appears twice/)
    const missing = await backtest(
      '--tickets',
      join(dir, 'nope.csv'),
      '--outcomes',
      file('o.csv', 'company_id,churned_at\n'),
    )
    expect(missing.code).toBe(65)
    expect(missing.stderr).toMatch(/o\.csv|nope\.csv/)
    expect((await backtest('--tickets', tickets)).code).toBe(64)
    expect((await backtest('--tickets', tickets, '--outcomes', tickets, '--horizon-days', 'soon')).stderr).toMatch(
      /--horizon-days must be a whole number/,
    )
  })
})
