import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { refreshStaleStatistics } from '../db/refresh-stale-statistics'
import { crmCompanies, crmTickets } from '../db/schema'
import { refreshPortalBaseline } from './refresh-portal-baseline'
import { loadSignalWeights } from './model/load-signal-weights'
import { loadScoringInputs, scoreLoadedCompanies, writeScores } from './rescore-companies'
import type { ScoringInputs } from './rescore-companies'

/**
 * Every live company of the workspace, in chunks so memory stays flat at 20,000 companies. The
 * portal's baseline is recomputed before any company is scored, so every company is judged against the same
 * peers; the first chunk loads meanwhile. After that three things overlap: the next chunk loads, the current one is
 * scored, and the previous one is written — the database and the scoring each keep a core busy instead of taking
 * turns. A full pass usually follows an import that rewrote the ticket tables, so their planner
 * statistics are refreshed first where stale.
 */
export async function rescoreWorkspace(
  db: Database,
  workspaceId: string,
  now: Date,
  chunkSize = 1000,
): Promise<number> {
  await refreshStaleStatistics(db, [crmCompanies, crmTickets])
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
  const [baseline, weights] = await Promise.all([
    refreshPortalBaseline(db, workspaceId, now),
    loadSignalWeights(db, workspaceId),
  ])
  let writing: Promise<number> = Promise.resolve(0)
  for (let index = 0; next; index++) {
    const inputs = await next
    next = load(index + 1)
    const scoredChunk = scoreLoadedCompanies(workspaceId, inputs, now, { portal: baseline, weights })
    scored += await writing
    writing = writeScores(db, workspaceId, scoredChunk, now)
    writing.catch(() => undefined) // awaited on the next turn, as above
  }
  scored += await writing
  return scored
}
