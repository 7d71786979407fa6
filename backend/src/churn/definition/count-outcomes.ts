import type { ChurnOutcomeCounts } from '@churnlens/contracts'
import type { ChurnOutcome } from '../outcomes/churn-outcome'

const MONTHS = 24

const monthKey = (at: number) => new Date(at).toISOString().slice(0, 7)

/**
 * Pure: what a definition yields, as a person judges it: companies, churn events (all, and in the
 * last 24 months, month by month), companies whose churn date cannot be known, unmatched rows.
 */
export function countOutcomes(outcomes: readonly ChurnOutcome[], now: Date, unmatched = 0): ChurnOutcomeCounts {
  const months: string[] = []
  for (let back = MONTHS - 1; back >= 0; back--)
    months.push(monthKey(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)))
  const firstMonthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1)
  const perMonth = new Map(months.map((m) => [m, 0]))
  let churned = 0
  let recent = 0
  let unknown = 0
  for (const outcome of outcomes) {
    if (outcome.unknown) {
      unknown += 1
      continue
    }
    if (outcome.churnedAt === null) continue
    churned += 1
    if (outcome.churnedAt >= firstMonthStart && outcome.churnedAt <= now.getTime()) {
      recent += 1
      const key = monthKey(outcome.churnedAt)
      perMonth.set(key, (perMonth.get(key) ?? 0) + 1)
    }
  }
  return {
    companies: outcomes.length,
    churned,
    churnedLast24Months: recent,
    unknown,
    unmatched,
    monthly: months.map((month) => ({ month, churned: perMonth.get(month) ?? 0 })),
  }
}
