import type { HistoryEntry } from './outcome-from-property-history'

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/**
 * Pure: a HubSpot date property's value as epoch ms. The API sends date properties as `YYYY-MM-DD`
 * (midnight UTC) and datetimes as ISO text; older integrations wrote epoch milliseconds.
 */
export function parseHubspotDate(value: string): number | null {
  const text = value.trim()
  if (text === '') return null
  if (/^\d+$/.test(text)) return Number(text)
  const at = Date.parse(DAY_PATTERN.test(text) ? `${text}T00:00:00Z` : text)
  return Number.isNaN(at) ? null : at
}

/**
 * When a company churned, read from a property that holds the churn date itself (e.g. `churn_date`):
 * its latest value. A cleared date means the company is a customer again; a value that is not a
 * date cannot be read, so the company is left out rather than guessed.
 */
export function outcomeFromDateProperty(entries: readonly HistoryEntry[]): {
  customerSince: null
  churnedAt: number | null
  unknown: boolean
} {
  const latest = [...entries].sort((a, b) => b.timestamp - a.timestamp)[0]
  if (!latest || latest.value.trim() === '') return { customerSince: null, churnedAt: null, unknown: false }
  const churnedAt = parseHubspotDate(latest.value)
  return churnedAt === null
    ? { customerSince: null, churnedAt: null, unknown: true }
    : { customerSince: null, churnedAt, unknown: false }
}
