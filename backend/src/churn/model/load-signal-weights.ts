import type { WeightsView } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { Queryable } from '../../db/database'
import { churnWeightSettings } from '../../db/schema'
import type { SignalWeights } from '../churn-weights'
import { defaultSignalWeights } from '../churn-weights'

/** The workspace's weight settings as the API shows them; the defaults when nothing was ever learned. */
export async function loadWeightsView(db: Queryable, workspaceId: string): Promise<WeightsView> {
  const [row] = await db.select().from(churnWeightSettings).where(eq(churnWeightSettings.workspaceId, workspaceId))
  const learned = row?.learnedWeights ?? null
  const mode = row?.mode === 'learned' && learned ? 'learned' : 'default'
  return {
    mode,
    active: mode === 'learned' && learned ? learned : { ...defaultSignalWeights },
    defaults: { ...defaultSignalWeights },
    learned,
    pinnedDefault: row?.pinnedDefault ?? false,
    changedAt: row?.changedAt.toISOString() ?? null,
  }
}

/** The weights that score this workspace now. */
export async function loadSignalWeights(db: Queryable, workspaceId: string): Promise<SignalWeights> {
  return (await loadWeightsView(db, workspaceId)).active
}
