import { eq } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { findStaleScores } from '../churn/find-stale-scores'
import { rescoreCompanies } from '../churn/rescore-companies'
import { rescoreWorkspace } from '../churn/rescore-workspace'
import { pushScores } from '../churn/write-back/push-scores'
import { integrations, syncState } from '../db/schema'
import { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import { findIntegrationById } from '../integrations/hubspot/find-integration'
import { crmObjectTypes } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { syncOwners } from '../owners/sync-owners'
import { loadRevenueSettings } from '../revenue/load-revenue-settings'
import { CompanyPageFeed } from './company-page-feed'
import type { SyncClaim } from './sync-claim'
import { syncObjectType } from './sync-object-type'

export type SyncOutcome =
  | { status: 'skipped'; reason: 'not_connected' }
  | {
      status: 'done'
      workspaceId: string
      failures: { type: CrmObjectType; error: CrmCallError }[]
      scored: number
      /** This run completed a first (or restarted) import of every type: the moment to test the model again. */
      completedImport: boolean
      /** The import's slice ended before the import did: run again to resume it from its checkpoints. */
      paused: boolean
    }

/** How a run shares the worker and HubSpot's budget; left out, a run does everything (a command, a test). */
export interface SyncPacing {
  /** A first import stops after about this long, resumable (see SyncContext.sliceEndsAt). */
  sliceMs?: number
  /** Archived records are listed again only when the last listing is this old. */
  archivedSweepEveryMs?: number
  /** Owners are read again only when the copy is this old. */
  ownersEveryMs?: number
}

/**
 * Syncs one integration's companies, contacts and tickets concurrently, each within the portal's
 * rate budgets. Runs as one job per portal at a time (see jobs/), so budgets are not split.
 * With `sliceMs`, a first import stops after about that long and says so (`paused`), so a portal
 * with millions of records holds a worker slot for minutes at a time, not hours.
 */
export async function runSync(
  deps: Pick<
    AppDeps,
    'db' | 'clock' | 'logger' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens'
  >,
  integrationId: string,
  claim: SyncClaim | null = null,
  options: SyncPacing = {},
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
    ticketCompanies: new Map<string, number>(),
    companyPages: new CompanyPageFeed(),
    claim,
    sliceEndsAt: options.sliceMs === undefined ? null : performance.now() + options.sliceMs,
    archivedSweepEveryMs: options.archivedSweepEveryMs ?? 0,
    revenue: (await loadRevenueSettings(deps.db, integration.workspaceId)).settings,
  }
  const started = performance.now()
  const phases = await deps.db
    .select({ phase: syncState.phase })
    .from(syncState)
    .where(eq(syncState.workspaceId, integration.workspaceId))
  const importOpen = phases.length < crmObjectTypes.length || phases.some((s) => s.phase !== 'incremental')
  // Owners only label and filter companies: a failure is logged and the next run tries again. They are read while
  // the object types sync rather than after, so a first import's scoring does not wait for them.
  const [owners, ...results] = await Promise.all([
    syncOwners(deps.db, ctx.client, integration, deps.clock.now(), options.ownersEveryMs ?? 0),
    ...crmObjectTypes.map(async (type) => ({ type, result: await syncObjectType(ctx, type) })),
  ])
  const daily = ctx.client.dailyUsage()
  if (daily)
    await deps.db
      .update(integrations)
      .set({ dailyLimit: daily.limit, dailyRemaining: daily.remaining, dailySeenAt: deps.clock.now() })
      .where(eq(integrations.id, integrationId))
  const failures = results.flatMap(({ type, result }) => (result.ok ? [] : [{ type, error: result.error }]))
  const paused = results.some(({ result }) => result.ok && result.value === 'paused')
  // The run that completes the import scores every company, whatever else (webhooks, an earlier run
  // that died) scored some of them meanwhile. Other runs score the companies whose tickets changed,
  // and any company a crashed run or scoring pass left unscored or scored from older rows. A paused
  // import scores nothing: half a history would raise false alarms, and the slice that ends it scores all.
  const scored = paused
    ? 0
    : importOpen && failures.length === 0
      ? await rescoreWorkspace(deps.db, integration.workspaceId, deps.clock.now())
      : await rescoreCompanies(
          deps.db,
          integration.workspaceId,
          [...ctx.touchedCompanies, ...(await findStaleScores(deps.db, integration.workspaceId))],
          deps.clock.now(),
        )
  const writeBack =
    scored > 0 ? await pushScores(deps, (await findIntegrationById(deps.db, integrationId)) ?? integration) : null
  deps.logger.info(
    { integrationId, ms: Math.round(performance.now() - started), failures, paused, owners, scored, writeBack },
    'hubspot sync finished',
  )
  return {
    status: 'done',
    workspaceId: integration.workspaceId,
    failures,
    scored,
    completedImport: importOpen && failures.length === 0 && !paused,
    paused,
  }
}
