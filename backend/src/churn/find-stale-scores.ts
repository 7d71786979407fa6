import { and, eq, exists, gt, isNull, or } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScores, crmCompanies, crmTickets } from '../db/schema'

/**
 * Live companies whose score is missing or older than one of their tickets as stored.
 * What a run remembers in memory (the companies it touched) dies with its process; this is read
 * from the rows themselves, so a pass after any crash (mid-import, mid-scoring) finds what is left.
 */
export async function findStaleScores(db: Database, workspaceId: string): Promise<number[]> {
  const rows = await db
    .select({ id: crmCompanies.hubspotId })
    .from(crmCompanies)
    .leftJoin(
      churnScores,
      and(eq(churnScores.workspaceId, crmCompanies.workspaceId), eq(churnScores.companyId, crmCompanies.hubspotId)),
    )
    .where(
      and(
        eq(crmCompanies.workspaceId, workspaceId),
        eq(crmCompanies.archived, false),
        or(
          isNull(churnScores.companyId),
          exists(
            db
              .select({ one: crmTickets.hubspotId })
              .from(crmTickets)
              .where(
                and(
                  eq(crmTickets.workspaceId, crmCompanies.workspaceId),
                  eq(crmTickets.companyId, crmCompanies.hubspotId),
                  gt(crmTickets.syncedAt, churnScores.computedAt),
                ),
              ),
          ),
        ),
      ),
    )
  return rows.map((r) => r.id)
}
