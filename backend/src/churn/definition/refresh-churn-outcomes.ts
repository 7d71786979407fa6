import { errorMessages } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import type { AppDeps } from '../../app-deps'
import { churnDefinitions } from '../../db/schema'
import { clientForWorkspace } from '../../integrations/hubspot/client/client-for-workspace'
import type { DefinitionReadError } from './read-definition-outcomes'
import { readDefinitionOutcomes } from './read-definition-outcomes'
import { storeChurnOutcomes } from './store-churn-outcomes'

export type OutcomesRefresh =
  | { status: 'ready' | 'uploaded' | 'no_definition' }
  | { status: 'failed'; error: DefinitionReadError | 'not_connected' | 'needs_reauth'; transient: boolean }

const transientErrors = new Set<string>(['hubspot_unavailable', 'hubspot_daily_limit', 'hubspot_invalid_response'])

const messageOf = (error: string): string =>
  error in errorMessages ? errorMessages[error as keyof typeof errorMessages] : `HubSpot answered: ${error}.`

/**
 * Reads the workspace's churn outcomes from HubSpot again, as its definition says, and replaces the
 * stored ones in one transaction. A definition changed while this read ran wins: the read is dropped.
 * On failure the outcomes read earlier for this same definition are kept (the model can still run),
 * and the error is recorded for the settings page.
 */
export async function refreshChurnOutcomes(
  deps: Pick<
    AppDeps,
    'db' | 'clock' | 'logger' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens'
  >,
  workspaceId: string,
): Promise<OutcomesRefresh> {
  const [row] = await deps.db.select().from(churnDefinitions).where(eq(churnDefinitions.workspaceId, workspaceId))
  if (!row) return { status: 'no_definition' }
  const definition = row.definition
  if (definition.kind === 'upload') return { status: 'uploaded' }

  const hubspot = await clientForWorkspace(deps, workspaceId)
  const reading = hubspot.ok
    ? await readDefinitionOutcomes(hubspot.value.client, definition, hubspot.value.grantedScopes)
    : hubspot
  const sameDefinition = and(eq(churnDefinitions.workspaceId, workspaceId), eq(churnDefinitions.setAt, row.setAt))
  if (!reading.ok) {
    await deps.db
      .update(churnDefinitions)
      .set({
        outcomesStatus: row.outcomesRefreshedAt ? 'ready' : 'failed',
        outcomesError: messageOf(reading.error),
      })
      .where(sameDefinition)
    deps.logger.warn({ workspaceId, error: reading.error }, 'churn outcomes could not be read')
    return { status: 'failed', error: reading.error, transient: transientErrors.has(reading.error) }
  }
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ setAt: churnDefinitions.setAt })
      .from(churnDefinitions)
      .where(sameDefinition)
      .for('update')
    if (!current) return
    await storeChurnOutcomes(tx, workspaceId, reading.value.outcomes)
    await tx
      .update(churnDefinitions)
      .set({ outcomesStatus: 'ready', outcomesRefreshedAt: deps.clock.now(), outcomesError: null })
      .where(sameDefinition)
  })
  return { status: 'ready' }
}
