import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnPortalBaselines, crmCompanies, crmTickets } from '../db/schema'
import { signalSettings } from './churn-weights'
import { computePortalBaseline } from './signals/compute-portal-baseline'
import type { PortalBaseline } from './signals/portal-baseline'
import { decayedExposureDays } from './stats/decay'

const DAY = 86_400_000

/**
 * Recomputes what is usual across the workspace's customers from its tickets (three aggregate
 * queries, whatever the portal's size) and stores it for later one-company re-scores.
 */
export async function refreshPortalBaseline(db: Database, workspaceId: string, now: Date): Promise<PortalBaseline> {
  const halfLifeSeconds = signalSettings.volumeTrend.historyHalfLifeDays * 86_400
  const lookback = new Date(now.getTime() - signalSettings.portal.lookbackDays * DAY)
  const live = and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.archived, false))
  const perCompany = await db.select({
    companyCreated: crmCompanies.hsCreatedAt,
    firstTicket: sql<Date | string | null>`min(${crmTickets.hsCreatedAt})`,
    decayed: sql<number | string | null>`sum(power(2, -extract(epoch from (${now}::timestamptz - ${crmTickets.hsCreatedAt})) / ${halfLifeSeconds}))`,
  }).from(crmCompanies)
    .leftJoin(crmTickets, and(eq(crmTickets.workspaceId, crmCompanies.workspaceId), eq(crmTickets.companyId, crmCompanies.hubspotId), eq(crmTickets.archived, false), sql`${crmTickets.hsCreatedAt} <= ${now}`))
    .where(and(eq(crmCompanies.workspaceId, workspaceId), eq(crmCompanies.archived, false)))
    .groupBy(crmCompanies.hubspotId, crmCompanies.hsCreatedAt)
  const [urgency] = await db.select({
    prioritized: sql<number>`count(*) filter (where ${crmTickets.priority} is not null)`.mapWith(Number),
    urgent: sql<number>`count(*) filter (where ${crmTickets.priority} in ('HIGH', 'URGENT'))`.mapWith(Number),
  }).from(crmTickets).where(and(live, sql`${crmTickets.hsCreatedAt} >= ${lookback} and ${crmTickets.hsCreatedAt} <= ${now}`))
  const [closing] = await db.select({
    median: sql<number | string | null>`percentile_cont(0.5) within group (order by extract(epoch from (${crmTickets.closedAt} - ${crmTickets.hsCreatedAt})) / 86400)`,
  }).from(crmTickets).where(and(live, sql`${crmTickets.closedAt} >= ${lookback} and ${crmTickets.closedAt} <= ${now} and ${crmTickets.closedAt} >= ${crmTickets.hsCreatedAt}`))

  const rates = perCompany.flatMap((row) => {
    const starts = [row.companyCreated, row.firstTicket].filter((d) => d !== null).map((d) => new Date(d!).getTime())
    if (starts.length === 0) return []
    const historyDays = Math.max(0, (now.getTime() - Math.min(...starts)) / DAY)
    return [{ count: Number(row.decayed ?? 0), exposureDays: decayedExposureDays(historyDays, signalSettings.volumeTrend.historyHalfLifeDays) }]
  })
  const median = closing?.median === null || closing?.median === undefined ? null : Number(closing.median)
  const baseline = computePortalBaseline({ rates, prioritized: urgency?.prioritized ?? 0, urgent: urgency?.urgent ?? 0, closeDaysMedian: median })
  const values = {
    workspaceId, ticketRateAlpha: baseline.ticketRate.alpha, ticketRateBeta: baseline.ticketRate.beta,
    urgentShare: baseline.urgentShare, closeDaysMedian: baseline.closeDaysMedian, computedAt: now,
  }
  await db.insert(churnPortalBaselines).values(values).onConflictDoUpdate({ target: churnPortalBaselines.workspaceId, set: values })
  return baseline
}
