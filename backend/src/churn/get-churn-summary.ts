import type { ChurnSummaryResponse, RiskBand } from '@churnlens/contracts'
import { RENEWAL_WINDOWS } from '@churnlens/contracts'
import { and, count, desc, eq, gte, lte, max, sql } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScores, crmCompanies, crmTickets } from '../db/schema'
import { loadRevenueSettings } from '../revenue/load-revenue-settings'
import { startOfUtcDay } from '../revenue/select-deal-values'
import { summarizeRenewals } from '../revenue/summarize-renewals'
import { companyRowColumns, toCompanyRow } from './to-company-row'

/** Pure: revenue per band, high first, with each band's share of all revenue known. */
export function revenueAtRisk(
  rows: { band: RiskBand; revenue: number | null; withRevenue: number; all: number }[],
): ChurnSummaryResponse['revenueAtRisk'] {
  const total = rows.reduce((sum, row) => sum + (row.revenue ?? 0), 0)
  const anyRevenue = rows.some((row) => row.withRevenue > 0)
  return (['high', 'medium', 'low'] as const).map((band) => {
    const row = rows.find((candidate) => candidate.band === band)
    const revenue = row?.revenue ?? 0
    return {
      band,
      revenue,
      share: anyRevenue && total > 0 ? revenue / total : null,
      withRevenue: row?.withRevenue ?? 0,
      missing: (row?.all ?? 0) - (row?.withRevenue ?? 0),
    }
  })
}

/** Everything the analyze page and the dashboard's charts need, in a few aggregate queries. */
export async function getChurnSummary(db: Database, workspaceId: string, now: Date): Promise<ChurnSummaryResponse> {
  const [companies] = await db
    .select({ n: count() })
    .from(crmCompanies)
    .where(and(eq(crmCompanies.workspaceId, workspaceId), eq(crmCompanies.archived, false)))
  const [tickets] = await db
    .select({ n: count() })
    .from(crmTickets)
    .where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.archived, false)))
  const bandRows = await db
    .select({ band: churnScores.band, n: count() })
    .from(churnScores)
    .where(eq(churnScores.workspaceId, workspaceId))
    .groupBy(churnScores.band)
  const bucket = sql<number>`least(${churnScores.score} / 10, 9)`
  const bucketRows = await db
    .select({ bucket, n: count() })
    .from(churnScores)
    .where(eq(churnScores.workspaceId, workspaceId))
    .groupBy(bucket)
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))
  const month = sql<string>`to_char(date_trunc('month', ${crmTickets.hsCreatedAt} at time zone 'UTC'), 'YYYY-MM')`
  const volumeRows = await db
    .select({ month, n: count() })
    .from(crmTickets)
    .where(
      and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.archived, false), gte(crmTickets.hsCreatedAt, since)),
    )
    .groupBy(month)
  const riskiest = await db
    .select(companyRowColumns)
    .from(churnScores)
    .innerJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId)),
    )
    .where(and(eq(churnScores.workspaceId, workspaceId), eq(crmCompanies.archived, false)))
    .orderBy(desc(churnScores.score), churnScores.companyId)
    .limit(10)
  const revenueRows = await db
    .select({
      band: churnScores.band,
      revenue: sql<number | null>`sum(${crmCompanies.revenue})`.mapWith(Number),
      withRevenue: count(crmCompanies.revenue),
      all: count(),
    })
    .from(churnScores)
    .innerJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId)),
    )
    .where(and(eq(churnScores.workspaceId, workspaceId), eq(crmCompanies.archived, false)))
    .groupBy(churnScores.band)
  const { settings, labels } = await loadRevenueSettings(db, workspaceId)
  const horizon = new Date(now.getTime() + Math.max(...RENEWAL_WINDOWS) * 86_400_000)
  const renewalRows = await db
    .select({
      companyId: churnScores.companyId,
      name: crmCompanies.name,
      band: churnScores.band,
      score: churnScores.score,
      renewalAt: crmCompanies.renewalAt,
      revenue: crmCompanies.revenue,
    })
    .from(churnScores)
    .innerJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId)),
    )
    .where(
      and(
        eq(churnScores.workspaceId, workspaceId),
        eq(crmCompanies.archived, false),
        gte(crmCompanies.renewalAt, new Date(startOfUtcDay(now))),
        lte(crmCompanies.renewalAt, horizon),
      ),
    )
  const [scoredAt] = await db
    .select({ at: max(churnScores.computedAt) })
    .from(churnScores)
    .where(eq(churnScores.workspaceId, workspaceId))

  const bands = { low: 0, medium: 0, high: 0 }
  for (const row of bandRows) bands[row.band] = row.n
  const byBucket = new Map(bucketRows.map((r) => [Number(r.bucket), r.n]))
  const byMonth = new Map(volumeRows.map((r) => [r.month, r.n]))
  return {
    totals: { companies: companies?.n ?? 0, scored: bands.low + bands.medium + bands.high, tickets: tickets?.n ?? 0 },
    bands,
    distribution: Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 9,
      count: byBucket.get(i) ?? 0,
    })),
    volume: Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + i, 1))
      const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
      return { month: key, tickets: byMonth.get(key) ?? 0 }
    }),
    riskiest: riskiest.map(toCompanyRow),
    revenueAtRisk: revenueAtRisk(revenueRows),
    sources: labels,
    renewals: summarizeRenewals(
      renewalRows.flatMap((r) => (r.renewalAt ? [{ ...r, renewalAt: r.renewalAt }] : [])),
      now,
      settings.renewal.kind !== 'none',
    ),
    scoredAt: scoredAt?.at ? new Date(scoredAt.at).toISOString() : null,
  }
}
