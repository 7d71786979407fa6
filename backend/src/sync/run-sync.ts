import { count, eq } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { rescoreCompanies } from '../churn/rescore-companies'
import { rescoreWorkspace } from '../churn/rescore-workspace'
import { pushScores } from '../churn/write-back/push-scores'
import { churnScores, integrations } from '../db/schema'
import { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import { findIntegrationById } from '../integrations/hubspot/find-integration'
import { crmObjectTypes } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { syncObjectType } from './sync-object-type'

export type SyncOutcome =
  | { status: 'skipped'; reason: 'not_connected' }
  | { status: 'done'; failures: { type: CrmObjectType; error: CrmCallError }[]; scored: number }

/**
 * Syncs one integration's companies, contacts and tickets concurrently, each within the portal's
 * rate budgets. Runs as one job per portal at a time (see jobs/), so budgets are not split.
 */
export async function runSync(
  deps: Pick<
    AppDeps,
    'db' | 'clock' | 'logger' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens'
  >,
  integrationId: string,
): Promise<SyncOutcome> {
  const integration = await findIntegrationById(deps.db, integrationId)
  if (!integration || integration.status === 'disconnected' || integration.status === 'needs_reauth')
    return { status: 'skipped', reason: 'not_connected' }
  const ctx = {
    db: deps.db,
    client: HubspotClient.fromIntegration(deps, integration),
    workspaceId: integration.workspaceId,
    clock: deps.clock,
    logger: deps.logger,
    touchedCompanies: new Set<number>(),
  }
  const started = performance.now()
  const hadScores =
    (
      await deps.db.select({ n: count() }).from(churnScores).where(eq(churnScores.workspaceId, integration.workspaceId))
    )[0]?.n ?? 0
  const results = await Promise.all(
    crmObjectTypes.map(async (type) => ({ type, result: await syncObjectType(ctx, type) })),
  )
  const daily = ctx.client.dailyUsage()
  if (daily)
    await deps.db
      .update(integrations)
      .set({ dailyLimit: daily.limit, dailyRemaining: daily.remaining, dailySeenAt: deps.clock.now() })
      .where(eq(integrations.id, integrationId))
  const failures = results.flatMap(({ type, result }) => (result.ok ? [] : [{ type, error: result.error }]))
  // First complete import: score every company. Afterwards only those whose tickets changed.
  const scored =
    hadScores === 0 && failures.length === 0
      ? await rescoreWorkspace(deps.db, integration.workspaceId, deps.clock.now())
      : await rescoreCompanies(deps.db, integration.workspaceId, [...ctx.touchedCompanies], deps.clock.now())
  const writeBack =
    scored > 0 ? await pushScores(deps, (await findIntegrationById(deps.db, integrationId)) ?? integration) : null
  deps.logger.info(
    { integrationId, ms: Math.round(performance.now() - started), failures, scored, writeBack },
    'hubspot sync finished',
  )
  return { status: 'done', failures, scored }
}
