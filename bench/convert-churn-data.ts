/**
 * Turns the two public churn data sets in ../shared/churn-data into the backtest's CSV format.
 * Neither has tickets, times or text: every assumption made to build them is listed in
 * `assumptions` and printed by the benchmark. The files are read from ../shared and written under
 * .tmp/; they never enter the repository (see the folder's README for their licences).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { seededRandom } from '../backend/src/churn/stats/seeded-random'

const DAY = 86_400_000

export interface ConvertedSet {
  name: string
  ticketsFile: string
  outcomesFile: string
  cutoff: number
  asOf: number
  horizonDays: number
  assumptions: string[]
  /** Other simple baselines from the raw columns, per company id, for context. */
  extraBaselines: { name: string; values: Map<string, number> }[]
  churned: Map<string, boolean>
}

const iso = (at: number) => new Date(at).toISOString()
const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/** `count` times spread over [from, to), evenly with a seeded jitter, so nothing looks like a spike. */
function spread(random: () => number, count: number, from: number, to: number): number[] {
  const step = (to - from) / Math.max(1, count)
  return Array.from({ length: count }, (_, i) => Math.floor(from + step * (i + random())))
}

export function convertCell2cell(source: string, outDir: string, sample: 'validation' | 'calibration'): ConvertedSet {
  const rows = parse(readFileSync(source), { columns: true }) as Record<string, string>[]
  const random = seededRandom(2001)
  const observed = Date.UTC(2002, 0, 1)
  const windowStart = observed - 90 * DAY
  const tickets = ['company_id,ticket_id,created_at,closed_at,priority,subject,content']
  const outcomes = ['company_id,churned_at,customer_since']
  const retention = new Map<string, number>()
  const care = new Map<string, number>()
  const churned = new Map<string, boolean>()
  let ticketId = 0
  for (const row of rows) {
    if ((row.calibrat === '1') !== (sample === 'calibration')) continue
    const id = row.customer!
    const churns = row.churn === '1'
    churned.set(id, churns)
    outcomes.push(`${id},${churns ? iso(observed + 45 * DAY) : ''},${iso(windowStart)}`)
    const careCalls = Math.round(Number(row.custcare || 0) * 3)
    const retentionCalls = Math.round(Number(row.retcalls || 0))
    care.set(id, careCalls)
    retention.set(id, retentionCalls)
    for (const at of spread(random, careCalls, windowStart, observed)) {
      tickets.push(
        `${id},${++ticketId},${iso(at)},${iso(at + 3_600_000)},,Customer care call,${cell('Customer care call about the account.')}`,
      )
    }
    for (const at of spread(random, retentionCalls, windowStart, observed)) {
      tickets.push(
        `${id},${++ticketId},${iso(at)},${iso(at + 3_600_000)},,Call to the retention team,${cell('Considering whether to renew; reporting a competitive offer.')}`,
      )
    }
  }
  const ticketsFile = join(outDir, `cell2cell-${sample}-tickets.csv`)
  const outcomesFile = join(outDir, `cell2cell-${sample}-outcomes.csv`)
  writeFileSync(ticketsFile, `${tickets.join('\n')}\n`)
  writeFileSync(outcomesFile, `${outcomes.join('\n')}\n`)
  return {
    name: `cell2cell, ${sample} sample${sample === 'validation' ? ' (real churn rate)' : ' (churners oversampled to 50%)'}`,
    ticketsFile,
    outcomesFile,
    cutoff: observed,
    asOf: observed + 60 * DAY,
    horizonDays: 60,
    assumptions: [
      'observation date set to 2002-01-01 (the data describe the second half of 2001; any fixed date gives the same result)',
      'each customer is a company; custcare × 3 (a 3-month mean of customer-care calls) becomes that many tickets spread evenly, with jitter, over the 90 days before the observation date, text "Customer care call about the account."',
      'each call to the retention team (retcalls) becomes a ticket in the same 90 days whose text follows the documentation\'s description of such calls: "Considering whether to renew; reporting a competitive offer."',
      'no priorities, categories or open tickets (the data have none); every ticket closes within the hour',
      'customer_since is the start of that 90-day window: nothing is known of contacts before it, and it must not read as silence',
      'churn happened 31–60 days after the observation date: churned_at is set to day 45; one cut-off at the observation date, 60-day horizon',
      'only the support columns are used (custcare, retcalls); network quality, usage and revenue are not tickets',
    ],
    extraBaselines: [
      {
        name: 'called the retention team (0/1)',
        values: new Map([...retention].map(([id, n]) => [id, n > 0 ? 1 : 0])),
      },
      { name: 'customer-care calls', values: care },
    ],
    churned,
  }
}

export function convertIranian(source: string, outDir: string): ConvertedSet {
  const raw = readFileSync(source, 'utf8')
  // 300 rows are exact duplicates of others: drop them before counting anything.
  const unique = [...new Set(raw.trim().split(/\r?\n/).slice(1))]
  const header = raw.split(/\r?\n/)[0]!
  const rows = parse(`${header}\n${unique.join('\n')}`, {
    columns: (h: string[]) => h.map((c) => c.replace(/\s+/g, ' ').trim()),
  }) as Record<string, string>[]
  const random = seededRandom(2020)
  const start = Date.UTC(2020, 0, 1)
  const observed = start + 270 * DAY
  const tickets = ['company_id,ticket_id,created_at,closed_at,priority,subject,content']
  const outcomes = ['company_id,churned_at,customer_since']
  const complained = new Map<string, number>()
  const failures = new Map<string, number>()
  const churned = new Map<string, boolean>()
  let ticketId = 0
  rows.forEach((row, index) => {
    const id = `ir-${index + 1}`
    const churns = row.Churn === '1'
    churned.set(id, churns)
    outcomes.push(`${id},${churns ? iso(observed + 45 * DAY) : ''},${iso(start)}`)
    const complaint = row.Complains === '1'
    const callFailures = Math.round(Number(row['Call Failure'] || 0))
    complained.set(id, complaint ? 1 : 0)
    failures.set(id, callFailures)
    if (complaint) {
      const [at] = spread(random, 1, start, observed)
      tickets.push(
        `${id},${++ticketId},${iso(at!)},${iso(at! + DAY)},,Complaint,${cell('I want to file a complaint about my service.')}`,
      )
    }
    for (const at of spread(random, callFailures, start, observed)) {
      tickets.push(`${id},${++ticketId},${iso(at)},${iso(at + 3_600_000)},,Call failure,${cell('A call failed.')}`)
    }
  })
  const ticketsFile = join(outDir, 'iranian-tickets.csv')
  const outcomesFile = join(outDir, 'iranian-outcomes.csv')
  writeFileSync(ticketsFile, `${tickets.join('\n')}\n`)
  writeFileSync(outcomesFile, `${outcomes.join('\n')}\n`)
  return {
    name: 'Iranian telecom (UCI 563, duplicates dropped)',
    ticketsFile,
    outcomesFile,
    cutoff: observed,
    asOf: observed + 90 * DAY,
    horizonDays: 90,
    assumptions: [
      '300 exact duplicate rows dropped (2,850 customers); each customer is a company, customer since the start of month 1 (2020-01-01, arbitrary)',
      'Complains = 1 becomes one ticket at a random time in months 1–9, text "I want to file a complaint about my service."',
      'each Call Failure becomes a ticket in months 1–9, text "A call failed."; the data give counts, not times',
      'the label is the state at month 12: churners get churned_at 45 days after the end of month 9; one cut-off at the end of month 9, 90-day horizon',
      'no priorities, categories or open tickets; usage, charges and value columns are not tickets',
    ],
    extraBaselines: [
      { name: 'complained (0/1)', values: complained },
      { name: 'call failures', values: failures },
    ],
    churned,
  }
}
