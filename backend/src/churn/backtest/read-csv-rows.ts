import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import type { CsvInputError } from './csv-input-error'

/**
 * Streams a CSV file with a header row, handing each row (as column → text) and its line number to
 * `onRow`, which may reject it with a message. Stops at the first problem, located by line.
 */
export async function readCsvRows(
  file: string,
  required: readonly string[],
  onRow: (row: Record<string, string>, line: number) => string | null,
): Promise<Result<number, CsvInputError>> {
  const source = createReadStream(file)
  const parser = source.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_quotes: false,
    }),
  )
  // pipe() does not pass a read error on; the parser must end with it, or the loop never learns.
  source.on('error', (error) => parser.destroy(error))
  let rows = 0
  let checkedHeader = false
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>
      info: { lines: number }
    }>) {
      if (!checkedHeader) {
        const missing = required.filter((column) => !(column in record))
        if (missing.length > 0)
          return err({
            code: 'missing_columns',
            file,
            line: 1,
            message: `the header lacks ${missing.join(', ')} (expected ${required.join(',')})`,
          })
        checkedHeader = true
      }
      const problem = onRow(record, info.lines)
      if (problem !== null) return err({ code: 'invalid_row', file, line: info.lines, message: problem })
      rows += 1
    }
  } catch (error) {
    const e = error as { code?: string; message?: string; lines?: number }
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')
      return err({ code: 'file_unreadable', file, line: null, message: `cannot be read (${e.code})` })
    // csv-parse's own errors (a wrong column count, an unclosed quote) carry the line.
    return err({
      code: 'invalid_row',
      file,
      line: e.lines ?? null,
      message: (e.message ?? 'not a valid CSV file')
        .replace(/^Invalid Record Length: /, '')
        .replace(/^Quote Not Closed: /, 'unclosed quote: '),
    })
  }
  return ok(rows)
}
