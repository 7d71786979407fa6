import type { ChurnDefinition } from '@churnlens/contracts'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import type { Database } from '../../db/database'
import { churnDefinitions } from '../../db/schema'
import type { ChurnOutcome } from '../outcomes/churn-outcome'
import { storeChurnOutcomes } from './store-churn-outcomes'

/**
 * Sets what "churned" means for the workspace. Outcomes of the previous definition are dropped with
 * it, so nothing is ever judged against a definition that is no longer the team's: an upload brings
 * its outcomes along (ready at once), a HubSpot definition's are read in the background (pending).
 */
export async function saveChurnDefinition(
  db: Database,
  change: {
    workspaceId: string
    userId: string
    definition: ChurnDefinition
    uploaded: { outcomes: ChurnOutcome[]; unmatched: number } | null
    now: Date
  },
): Promise<void> {
  const { workspaceId, definition, uploaded, now } = change
  await db.transaction(async (tx) => {
    const values = {
      workspaceId,
      definition,
      setByUserId: change.userId,
      setAt: now,
      outcomesStatus: uploaded ? ('ready' as const) : ('pending' as const),
      outcomesRefreshedAt: uploaded ? now : null,
      outcomesError: null,
    }
    await tx
      .insert(churnDefinitions)
      .values(values)
      .onConflictDoUpdate({ target: churnDefinitions.workspaceId, set: values })
    await storeChurnOutcomes(tx, workspaceId, uploaded?.outcomes ?? [])
    await recordWorkspaceEvent(tx, {
      workspaceId,
      type: uploaded ? 'churn.outcomes_uploaded' : 'churn.definition_set',
      actorUserId: change.userId,
      detail: uploaded
        ? { definition, companies: uploaded.outcomes.length, unmatched: uploaded.unmatched }
        : { definition },
    })
  })
}
