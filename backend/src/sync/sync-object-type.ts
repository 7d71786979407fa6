import { and, eq } from 'drizzle-orm'
import { syncState } from '../db/schema'
import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
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
    const incremental = await runIncrementalSync(ctx, type, state)
    if (!incremental.ok) return incremental
    const archived = await sweepArchived(ctx, type)
    return archived.ok ? ok('done') : archived
  })()
  const now = ctx.clock.now()
  await ctx.db
    .update(syncState)
    .set({ lastRunAt: now, lastErrorCode: outcome.ok ? null : outcome.error, updatedAt: now })
    .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, type)))
  return outcome
}
