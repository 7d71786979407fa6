import { parse } from 'csv-parse/sync'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { outcomeColumns } from '../backtest/read-backtest-files'
import type { OutcomeRow } from '../backtest/parse-outcome-row'
import { parseOutcomeRow } from '../backtest/parse-outcome-row'

export interface OutcomesCsvError {
  /** 1-based line of the text; null for a problem with the whole file. */
  line: number | null
  message: string
}

/**
 * Pure: an uploaded outcomes file, in the backtest command's format (`company_id,churned_at`, optional
 * `customer_since`), checked row by row. The first problem is reported with its line, nothing is kept.
 */
export function parseOutcomesCsv(text: string): Result<OutcomeRow[], OutcomesCsvError> {
  let records: { record: Record<string, string>; info: { lines: number } }[]
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof records
  } catch (error) {
    const e = error as { message?: string; lines?: number }
    return err({ line: e.lines ?? null, message: (e.message ?? 'not a valid CSV file').replace(/^[A-Za-z ]+: /, '') })
  }
  const first = records[0]
  if (!first) return err({ line: null, message: 'the file has no rows under its header' })
  const missing = outcomeColumns.filter((column) => !(column in first.record))
  if (missing.length > 0)
    return err({ line: 1, message: `the header lacks ${missing.join(', ')} (expected ${outcomeColumns.join(',')})` })
  const rows: OutcomeRow[] = []
  const seen = new Set<string>()
  for (const { record, info } of records) {
    const parsed = parseOutcomeRow(record)
    if (typeof parsed === 'string') return err({ line: info.lines, message: parsed })
    if (seen.has(parsed.companyId))
      return err({ line: info.lines, message: `company ${parsed.companyId} appears twice` })
    seen.add(parsed.companyId)
    rows.push(parsed)
  }
  return ok(rows)
}
