import { parseCsvDate } from './parse-csv-date'

export interface OutcomeRow {
  companyId: string
  customerSince: number | null
  churnedAt: number | null
}

/** null for an empty cell, undefined for a malformed one. */
export function optionalCsvDate(value: string | undefined): number | null | undefined {
  if (value === undefined || value.trim() === '') return null
  return parseCsvDate(value) ?? undefined
}

/**
 * Pure: one row of an outcomes file (`company_id,churned_at[,customer_since]`), or what is wrong with
 * it in words a person can act on. Shared by the backtest command and the churn-definition upload.
 */
export function parseOutcomeRow(row: Record<string, string>): OutcomeRow | string {
  const companyId = row.company_id?.trim() ?? ''
  if (!companyId) return 'company_id is empty'
  const churnedAt = optionalCsvDate(row.churned_at)
  if (churnedAt === undefined)
    return `churned_at "${row.churned_at}" is not an ISO-8601 date (e.g. 2026-03-01); leave it empty for a company that stayed`
  const customerSince = optionalCsvDate(row.customer_since)
  if (customerSince === undefined) return `customer_since "${row.customer_since}" is not an ISO-8601 date`
  if (churnedAt !== null && customerSince !== null && churnedAt < customerSince)
    return 'churned_at is before customer_since'
  return { companyId, customerSince, churnedAt }
}
