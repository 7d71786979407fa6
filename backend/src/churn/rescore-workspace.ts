import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { crmCompanies } from '../db/schema'
import { refreshPortalBaseline } from './refresh-portal-baseline'
import { loadSignalWeights } from './model/load-signal-weights'
import { loadScoringInputs, storeScores } from './rescore-companies'
import type { ScoringInputs } from './rescore-companies'

/**
 * Every live company of the workspace, in chunks so memory stays flat at 20,000 companies. The
 * portal's baseline is recomputed first, so every company is judged against the same peers. The
 * next chunk's tickets load while the current one is scored and written: the database and the
 * scoring each keep a core busy instead of taking turns.
 */
export async function rescoreWorkspace(
  db: Database,
  workspaceId: string,
  now: Date,
  chunkSize = 1000,
): Promise<number> {
  const baseline = await refreshPortalBaseline(db, workspaceId, now)
  const weights = await loadSignalWeights(db, workspaceId)
  const companies = await db
    .select({ id: crmCompanies.hubspotId })
    .from(crmCompanies)
    .where(and(eq(crmCompanies.workspaceId, workspaceId), eq(crmCompanies.archived, false)))
    .orderBy(asc(crmCompanies.hubspotId))
  const chunks: number[][] = []
  for (let start = 0; start < companies.length; start += chunkSize)
    chunks.push(companies.slice(start, start + chunkSize).map((c) => c.id))

  let scored = 0
  const load = (index: number): Promise<ScoringInputs> | null => {
    const ids = chunks[index]
    if (!ids) return null
    const loading = loadScoringInputs(db, workspaceId, ids, now)
    // Awaited in turn below; this only keeps an early failure from being reported as unhandled.
    loading.catch(() => undefined)
    return loading
  }
  let next = load(0)
  for (let index = 0; next; index++) {
    const inputs = await next
    next = load(index + 1)
    scored += await storeScores(db, workspaceId, inputs, now, { portal: baseline, weights })
  }
  return scored
}
