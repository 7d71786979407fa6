import type { WeightMode, WeightsView } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import type { Database } from '../../db/database'
import { churnWeightSettings } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { loadWeightsView } from './load-signal-weights'

/**
 * An owner's choice: the defaults (pinned, so later wins are offered rather than applied) or the
 * learned weights that last won out of sample. Audited with the person's id.
 */
export async function setWeightsMode(
  db: Database,
  workspaceId: string,
  userId: string,
  mode: WeightMode,
  now: Date,
): Promise<Result<WeightsView, 'no_learned_weights'>> {
  const changed = await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(churnWeightSettings)
      .where(eq(churnWeightSettings.workspaceId, workspaceId))
      .for('update')
    if (mode === 'learned' && !current?.learnedWeights) return false
    const values = {
      workspaceId,
      mode,
      pinnedDefault: mode === 'default',
      changedAt: now,
      learnedWeights: current?.learnedWeights ?? null,
      learnedRunId: current?.learnedRunId ?? null,
    }
    await tx
      .insert(churnWeightSettings)
      .values(values)
      .onConflictDoUpdate({ target: churnWeightSettings.workspaceId, set: values })
    await recordWorkspaceEvent(tx, {
      workspaceId,
      type: 'churn.weights_switched',
      actorUserId: userId,
      detail: { from: current?.mode ?? 'default', to: mode },
    })
    return true
  })
  if (!changed) return err('no_learned_weights')
  return ok(await loadWeightsView(db, workspaceId))
}
