import { and, asc, eq, gt } from 'drizzle-orm'
import type { Database } from '../db/database'
import { crmCompanies } from '../db/schema'
import { refreshPortalBaseline } from './refresh-portal-baseline'
import { loadSignalWeights } from './model/load-signal-weights'
import { rescoreCompanies } from './rescore-companies'

/**
 * Every live company of the workspace, in chunks so memory stays flat at 20,000 companies. The
 * portal's baseline is recomputed first, so every company is judged against the same peers.
 */
export async function rescoreWorkspace(
  db: Database,
  workspaceId: string,
  now: Date,
  chunkSize = 1000,
): Promise<number> {
  const baseline = await refreshPortalBaseline(db, workspaceId, now)
  const weights = await loadSignalWeights(db, workspaceId)
  let after = 0
  let scored = 0
  for (;;) {
    const companies = await db
      .select({ id: crmCompanies.hubspotId })
      .from(crmCompanies)
      .where(
        and(
          eq(crmCompanies.workspaceId, workspaceId),
          eq(crmCompanies.archived, false),
          gt(crmCompanies.hubspotId, after),
        ),
      )
      .orderBy(asc(crmCompanies.hubspotId))
      .limit(chunkSize)
    if (companies.length === 0) return scored
    scored += await rescoreCompanies(
      db,
      workspaceId,
      companies.map((c) => c.id),
      now,
      { baseline, weights },
    )
    after = companies[companies.length - 1]!.id
  }
}
