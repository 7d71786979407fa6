import type { RenewalsSummary, RiskBand } from '@churnlens/contracts'
import { RENEWAL_WINDOWS, riskBands } from '@churnlens/contracts'
import { startOfUtcDay } from './select-deal-values'

const DAY = 86_400_000
/** The nearest renewals listed on the dashboard. */
const NEAREST = 10

export interface UpcomingRenewal {
  companyId: number
  name: string | null
  band: RiskBand
  score: number
  renewalAt: Date
  revenue: number | null
}

/**
 * Pure: renewals due from the start of today to 30, 60 and 90 days ahead, counted and summed per band (revenue
 * known summed, missing counted apart), and the nearest renewals of high- and medium-risk companies, riskiest
 * first on the same day.
 */
export function summarizeRenewals(
  renewals: readonly UpcomingRenewal[],
  now: Date,
  configured: boolean,
): RenewalsSummary {
  const today = startOfUtcDay(now)
  const upcoming = renewals.filter((r) => r.renewalAt.getTime() >= today)
  const windows = RENEWAL_WINDOWS.map((days) => {
    const due = upcoming.filter((r) => r.renewalAt.getTime() <= now.getTime() + days * DAY)
    const sum = (rows: readonly UpcomingRenewal[]) => rows.reduce((total, r) => total + (r.revenue ?? 0), 0)
    const known = (rows: readonly UpcomingRenewal[]) => rows.filter((r) => r.revenue !== null).length
    return {
      days,
      count: due.length,
      revenue: sum(due),
      withRevenue: known(due),
      byBand: [...riskBands].reverse().map((band) => {
        const inBand = due.filter((r) => r.band === band)
        return { band, count: inBand.length, revenue: sum(inBand), withRevenue: known(inBand) }
      }),
    }
  })
  const longest = Math.max(...RENEWAL_WINDOWS)
  const nearest = upcoming
    .filter((r) => r.band !== 'low' && r.renewalAt.getTime() <= now.getTime() + longest * DAY)
    .sort((a, b) => a.renewalAt.getTime() - b.renewalAt.getTime() || b.score - a.score || a.companyId - b.companyId)
    .slice(0, NEAREST)
    .map((r) => ({ ...r, renewalAt: r.renewalAt.toISOString() }))
  return { configured, windows, nearest }
}
