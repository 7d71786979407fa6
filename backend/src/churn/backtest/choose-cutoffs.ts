import type { CompanyHistory } from './company-history'

const DAY = 86_400_000

/** Months of data a company's history needs before the first cut-off means anything. */
export const WARM_UP_DAYS = 90

/** The latest moment the data speak for: the newest ticket, close or churn. */
export function latestDataPoint(companies: readonly CompanyHistory[]): number {
  let latest = Number.NEGATIVE_INFINITY
  for (const c of companies) {
    if (c.churnedAt !== null) latest = Math.max(latest, c.churnedAt)
    for (const t of c.tickets) latest = Math.max(latest, t.createdAt, t.closedAt ?? t.createdAt)
  }
  return latest
}

/**
 * Where the evidence starts: the first ticket. A customer-since date years before any ticket (an
 * old account whose history was not kept) says nothing the score could have read then.
 */
function earliestDataPoint(companies: readonly CompanyHistory[]): number {
  let earliest = Number.POSITIVE_INFINITY
  for (const c of companies) {
    const first = c.tickets[0]
    if (first) earliest = Math.min(earliest, first.createdAt)
  }
  if (Number.isFinite(earliest)) return earliest
  for (const c of companies) if (c.customerSince !== null) earliest = Math.min(earliest, c.customerSince)
  return earliest
}

/**
 * Monthly cut-offs (the first of each month, UTC) across the data: from three months after the
 * first ticket, so scores have history to read, to the last month whose whole horizon is known by
 * `asOf`, so no label is guessed.
 */
export function chooseCutoffs(companies: readonly CompanyHistory[], horizonDays: number, asOf: number): number[] {
  const start = earliestDataPoint(companies)
  if (!Number.isFinite(start) || !Number.isFinite(asOf)) return []
  const from = new Date(start + WARM_UP_DAYS * DAY)
  const cutoffs: number[] = []
  for (let month = Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1); month + horizonDays * DAY <= asOf;) {
    cutoffs.push(month)
    const d = new Date(month)
    month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
  }
  return cutoffs
}
