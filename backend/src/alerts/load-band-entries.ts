import { and, eq, gte, sql } from 'drizzle-orm'
import { signalSettings } from '../churn/churn-weights'
import type { Database } from '../db/database'
import { churnScoreHistory, churnScores, crmCompanies } from '../db/schema'
import type { BandEntry } from './match-alert-rules'

/**
 * Companies high now, with the first history point after their last one below the band: when they
 * entered it. A company never seen below the band (high from its first score, as after an import)
 * did not enter it and is not alerted.
 */
export async function loadBandEntries(db: Database, workspaceId: string): Promise<BandEntry[]> {
  const high = signalSettings.bands.high
  const h = churnScoreHistory
  const lastBelow = sql`(select max(l.computed_at) from churn_score_history l
    where l.workspace_id = ${h.workspaceId} and l.company_id = ${h.companyId} and l.score < ${high})`
  const rows = await db
    .select({
      companyId: h.companyId,
      ownerId: crmCompanies.ownerId,
      score: churnScores.score,
      enteredAt: sql<Date>`min(${h.computedAt})`.mapWith(h.computedAt),
    })
    .from(h)
    .innerJoin(churnScores, and(eq(churnScores.workspaceId, h.workspaceId), eq(churnScores.companyId, h.companyId)))
    .innerJoin(crmCompanies, and(eq(crmCompanies.workspaceId, h.workspaceId), eq(crmCompanies.hubspotId, h.companyId)))
    .where(
      and(
        eq(h.workspaceId, workspaceId),
        eq(churnScores.band, 'high'),
        eq(crmCompanies.archived, false),
        gte(h.score, high),
        sql`${h.computedAt} > ${lastBelow}`,
      ),
    )
    .groupBy(h.companyId, crmCompanies.ownerId, churnScores.score)
  return rows
}
