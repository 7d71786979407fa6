/** A problem with a backtest input file, located for a person to fix: never a stack trace. */
export interface CsvInputError {
  code: 'file_unreadable' | 'missing_columns' | 'invalid_row'
  file: string
  /** 1-based line in the file; null for problems with the whole file. */
  line: number | null
  message: string
}

export function describeCsvInputError(error: CsvInputError): string {
  return `${error.file}${error.line === null ? '' : `, line ${error.line}`}: ${error.message}`
}
