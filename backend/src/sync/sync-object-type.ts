import { and, eq } from 'drizzle-orm'
import { syncState } from '../db/schema'
import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { SyncStateRow } from './load-sync-state'
import { loadSyncState } from './load-sync-state'
import type { LaneOutcome } from './run-full-sync'
import { planFullSync, runFullSync } from './run-full-sync'
import { runIncrementalSync } from './run-incremental-sync'
import { sweepArchived } from './sweep-archived'
import type { SyncContext } from './sync-context'

/**
 * One object type: the first full pass (resumed if interrupted), then an incremental pass. `paused`: the
 * import's slice ended first; the next run resumes it.
 */
export async function syncObjectType(
  ctx: SyncContext,
  type: CrmObjectType,
): Promise<Result<LaneOutcome, CrmCallError>> {
  let state = await loadSyncState(ctx.db, ctx.workspaceId, type)
  let sweptAt: Date | null = null
  // Only the companies' full pass lists pages for the ticket import's walk (company-page-feed.ts); past it, none come.
  const stopFeeding = () => (type === 'companies' ? ctx.companyPages?.close() : undefined)
  const outcome = await (async (): Promise<Result<LaneOutcome, CrmCallError>> => {
    if (state.phase === 'pending') {
      const planned = await planFullSync(ctx, type, state)
      if (!planned.ok) return planned
      state = planned.value
    }
    if (state.phase === 'full') {
      const full = await runFullSync(ctx, type, state)
      if (!full.ok) return full
      if (full.value === 'paused') return full
      state = await loadSyncState(ctx.db, ctx.workspaceId, type)
    }
    stopFeeding()
    const incremental = await runIncrementalSync(ctx, type, state)
    if (!incremental.ok) return incremental
    if (!archivedSweepDue(state, ctx.clock.now(), ctx.archivedSweepEveryMs)) return ok('done')
    const archived = await sweepArchived(ctx, type)
    if (!archived.ok) return archived
    sweptAt = ctx.clock.now()
    return ok('done')
  })().finally(stopFeeding)
  const now = ctx.clock.now()
  await ctx.db
    .update(syncState)
    .set({
      lastRunAt: now,
      lastErrorCode: outcome.ok ? null : outcome.error,
      updatedAt: now,
      ...(sweptAt ? { archivedSweptAt: sweptAt } : {}),
    })
    .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, type)))
  return outcome
}

/**
 * Listing the archived records is the safety net for deletions whose webhook was lost; it reads every
 * archived record there is, so it runs hours apart rather than on every 15-minute pass.
 */
function archivedSweepDue(state: SyncStateRow, now: Date, everyMs: number): boolean {
  return state.archivedSweptAt === null || now.getTime() - state.archivedSweptAt.getTime() >= everyMs
}
