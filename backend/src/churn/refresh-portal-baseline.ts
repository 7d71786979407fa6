import type { AnyColumn } from 'drizzle-orm'
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnPortalBaselines, crmCompanies, crmTickets } from '../db/schema'
import { signalSettings } from './churn-weights'
import { computePortalBaseline } from './signals/compute-portal-baseline'
import type { PortalBaseline } from './signals/portal-baseline'
import { decayedExposureDays } from './stats/decay'

const DAY = 86_400_000
/** Epoch milliseconds as float8: `date_part` stays in floating point, `extract` would go through numeric (3× slower). */
const epochMs = (column: AnyColumn) => sql<number>`date_part('epoch', ${column}) * 1000`

/**
 * Recomputes what is usual across the workspace's customers from its tickets (one scan grouped by
 * company, one for urgency and close times, whatever the portal's size) and stores it for later
 * one-company re-scores.
 */
export async function refreshPortalBaseline(db: Database, workspaceId: string, now: Date): Promise<PortalBaseline> {
  const at = now.getTime()
  const halfLife = signalSettings.volumeTrend.historyHalfLifeDays
  const perMs = Math.LN2 / (halfLife * DAY)
  const lookback = at - signalSettings.portal.lookbackDays * DAY
  const live = and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.archived, false))
  const closeDays = sql`(${epochMs(crmTickets.closedAt)} - ${epochMs(crmTickets.hsCreatedAt)}) / ${DAY}`
  // Three independent reads: on Postgres they run side by side on separate connections.
  const [perCompany, companies, [usual]] = await Promise.all([
    db
      .select({
        companyId: crmTickets.companyId,
        decayed:
          sql<number>`sum(exp(${-perMs}::float8 * (${at}::float8 - ${epochMs(crmTickets.hsCreatedAt)})))`.mapWith(
            Number,
          ),
        first: sql<number>`min(${epochMs(crmTickets.hsCreatedAt)})`.mapWith(Number),
      })
      .from(crmTickets)
      .where(and(live, isNotNull(crmTickets.companyId), lte(crmTickets.hsCreatedAt, now)))
      .groupBy(crmTickets.companyId),
    db
      .select({ id: crmCompanies.hubspotId, created: sql<number | null>`${epochMs(crmCompanies.hsCreatedAt)}` })
      .from(crmCompanies)
      .where(and(eq(crmCompanies.workspaceId, workspaceId), eq(crmCompanies.archived, false))),
    db
      .select({
        prioritized:
          sql<number>`count(*) filter (where ${crmTickets.priority} is not null and ${epochMs(crmTickets.hsCreatedAt)} >= ${lookback})`.mapWith(
            Number,
          ),
        urgent:
          sql<number>`count(*) filter (where ${crmTickets.priority} in ('HIGH', 'URGENT') and ${epochMs(crmTickets.hsCreatedAt)} >= ${lookback})`.mapWith(
            Number,
          ),
        closeDaysMedian: sql<
          number | null
        >`percentile_cont(0.5) within group (order by ${closeDays}) filter (where ${epochMs(crmTickets.closedAt)} between ${lookback} and ${at} and ${crmTickets.closedAt} >= ${crmTickets.hsCreatedAt})`,
      })
      .from(crmTickets)
      .where(and(live, lte(crmTickets.hsCreatedAt, now))),
  ])

  const tickets = new Map(perCompany.map((row) => [row.companyId!, row]))
  const rates = companies.flatMap((company) => {
    const own = tickets.get(company.id)
    const starts = [company.created === null ? null : Number(company.created), own?.first ?? null].filter(
      (n): n is number => n !== null && Number.isFinite(n),
    )
    if (starts.length === 0) return []
    const historyDays = Math.max(0, (at - Math.min(...starts)) / DAY)
    return [{ count: own?.decayed ?? 0, exposureDays: decayedExposureDays(historyDays, halfLife) }]
  })
  const baseline = computePortalBaseline({
    rates,
    prioritized: usual?.prioritized ?? 0,
    urgent: usual?.urgent ?? 0,
    closeDaysMedian:
      usual?.closeDaysMedian === null || usual?.closeDaysMedian === undefined ? null : Number(usual.closeDaysMedian),
  })
  const values = {
    workspaceId,
    ticketRateAlpha: baseline.ticketRate.alpha,
    ticketRateBeta: baseline.ticketRate.beta,
    urgentShare: baseline.urgentShare,
    closeDaysMedian: baseline.closeDaysMedian,
    computedAt: now,
  }
  await db
    .insert(churnPortalBaselines)
    .values(values)
    .onConflictDoUpdate({ target: churnPortalBaselines.workspaceId, set: values })
  return baseline
}
