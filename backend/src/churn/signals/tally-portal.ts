import { signalSettings } from '../churn-weights'
import { decayedExposureDays, decayWeight } from '../stats/decay'
import type { PortalTallies } from './compute-portal-baseline'
import type { TicketFacts } from './ticket-facts'
import { isUrgent } from './ticket-facts'

const DAY = 86_400_000

export interface CompanyAtMoment {
  tickets: readonly TicketFacts[]
  historyStart: number | null
}

/** The portal's tallies at `now` from companies held in memory (the backtest; tests). */
export function tallyPortal(companies: Iterable<CompanyAtMoment>, now: number): PortalTallies {
  const halfLife = signalSettings.volumeTrend.historyHalfLifeDays
  const lookback = now - signalSettings.portal.lookbackDays * DAY
  const tallies: PortalTallies = { rates: [], prioritized: 0, urgent: 0, closeDaysMedian: null }
  const closeDays: number[] = []
  for (const company of companies) {
    let count = 0
    let first = now
    for (const t of company.tickets) {
      if (t.createdAt > now) continue
      count += decayWeight(now - t.createdAt, halfLife)
      if (t.createdAt < first) first = t.createdAt
      if (t.createdAt >= lookback && t.priority !== null) {
        tallies.prioritized += 1
        if (isUrgent(t)) tallies.urgent += 1
      }
      if (t.closedAt !== null && t.closedAt <= now && t.closedAt >= lookback && t.closedAt >= t.createdAt)
        closeDays.push((t.closedAt - t.createdAt) / DAY)
    }
    const start = company.historyStart ?? first
    tallies.rates.push({ count, exposureDays: decayedExposureDays(Math.max(0, (now - start) / DAY), halfLife) })
  }
  return { ...tallies, closeDaysMedian: median(closeDays) }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = values.sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
