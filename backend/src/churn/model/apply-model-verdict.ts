import type { ChurnSignal } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import type { Database } from '../../db/database'
import { churnWeightSettings } from '../../db/schema'
import type { LearnedReport } from '../learning/learned-report'

export type VerdictOutcome = 'adopted' | 'offered' | 'withdrawn' | 'unchanged'

/**
 * Acts on a backtest's verdict about learned weights. Weights that beat the defaults out of sample
 * are adopted, unless an owner chose the defaults (then they are offered, not applied). Learned
 * weights in use that a newer run no longer supports are withdrawn: the defaults score again.
 * Every change is an audit event by Churnlens itself.
 */
export async function applyModelVerdict(
  db: Database,
  workspaceId: string,
  runId: string,
  learned: LearnedReport,
  now: Date,
): Promise<VerdictOutcome> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(churnWeightSettings)
      .where(eq(churnWeightSettings.workspaceId, workspaceId))
      .for('update')
    if (learned.adopted && learned.weights) {
      const weights = learned.weights as Record<ChurnSignal, number>
      const pinned = current?.pinnedDefault ?? false
      const values = {
        workspaceId,
        mode: pinned ? ('default' as const) : ('learned' as const),
        learnedWeights: weights,
        learnedRunId: runId,
        pinnedDefault: pinned,
        changedAt: now,
      }
      await tx
        .insert(churnWeightSettings)
        .values(values)
        .onConflictDoUpdate({ target: churnWeightSettings.workspaceId, set: values })
      if (pinned) return 'offered'
      await recordWorkspaceEvent(tx, {
        workspaceId,
        type: 'churn.weights_learned_adopted',
        actorUserId: null,
        detail: { runId, weights, aucGain: learned.aucGain, reason: learned.reason },
      })
      return 'adopted'
    }
    if (current?.learnedWeights) {
      await tx
        .update(churnWeightSettings)
        .set({ mode: 'default', learnedWeights: null, learnedRunId: null, changedAt: now })
        .where(eq(churnWeightSettings.workspaceId, workspaceId))
      await recordWorkspaceEvent(tx, {
        workspaceId,
        type: 'churn.weights_learned_withdrawn',
        actorUserId: null,
        detail: { runId, reason: learned.reason },
      })
      return 'withdrawn'
    }
    return 'unchanged'
  })
}
