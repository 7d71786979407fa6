import { PgBoss, fromPglite } from 'pg-boss'
import type { AppDeps } from '../app-deps'
import type { JobsConnection } from '../db/database'
import { connectedWorkspaceIds } from '../integrations/hubspot/find-integration'
import type { ModelTrigger } from '../churn/model/model-trigger'
import { runChurnModel } from '../churn/model/run-churn-model'
import { workspacesWithChurnDefinition } from '../churn/outcomes/workspaces-with-churn-definition'
import { rescoreWorkspace } from '../churn/rescore-workspace'
import { runSync } from '../sync/run-sync'
import { integrationsDueForScheduledSync } from '../sync/pace-scheduled-sync'
import { processWebhookInbox } from '../webhooks/process-webhook-inbox'
import type { JobScheduler } from './job-scheduler'
import { refreshExpiringTokens } from './refresh-expiring-tokens'

const REFRESH_QUEUE = 'refresh-expiring-tokens'
const SYNC_QUEUE = 'sync-portal'
const SYNC_SWEEP_QUEUE = 'sync-sweep'
const INBOX_QUEUE = 'process-webhook-inbox'
const RESCORE_QUEUE = 'rescore-workspace'
const DAILY_RESCORE_QUEUE = 'rescore-daily'
const MODEL_QUEUE = 'churn-model'
const WEEKLY_MODEL_QUEUE = 'churn-model-weekly'

/**
 * Background work on pg-boss, in the same Postgres (or the same PGlite) as the data, so a job
 * and the rows it touches share one source of truth. Every backend instance runs workers;
 * schedules fire once for the whole cluster.
 */
export async function startJobs(
  deps: AppDeps,
  connection: JobsConnection,
  options: { work: boolean } = { work: true },
): Promise<JobScheduler & { stop(): Promise<void> }> {
  const boss =
    connection.kind === 'postgres'
      ? // The queue needs few connections; the API's pool is where concurrency lives.
        new PgBoss({ connectionString: connection.url, max: 3 })
      : new PgBoss({ db: fromPglite(connection.client), backend: 'pglite' })
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'))
  await boss.start()
  // API-only instances (RUN_WORKER=false) still enqueue work; only workers take it.
  const work: typeof boss.work = options.work ? boss.work.bind(boss) : ((async () => '') as unknown as typeof boss.work)

  await boss.createQueue(REFRESH_QUEUE, { retryLimit: 0, expireInSeconds: 300 })
  await boss.schedule(REFRESH_QUEUE, '* * * * *')
  await work(REFRESH_QUEUE, async () => {
    await refreshExpiringTokens(deps)
  })

  // One sync per portal at a time (one queued behind it at most): the portal's rate budget is not split.
  // The heartbeat lets another instance take over a sync whose process died, from its checkpoint.
  await boss.createQueue(SYNC_QUEUE, {
    policy: 'stately',
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 4 * 3600,
    heartbeatSeconds: 60,
  })
  await work<{ integrationId: string }>(SYNC_QUEUE, { localConcurrency: 2 }, async ([job]) => {
    if (!job) return
    const outcome = await runSync(deps, job.data.integrationId)
    // A failed type resumes from its checkpoint on retry.
    if (outcome.status === 'done' && outcome.failures.length > 0)
      throw new Error(`sync failed: ${outcome.failures.map((f) => `${f.type}=${f.error}`).join(', ')}`)
  })
  // The safety net for missed webhooks: an incremental pass every 15 minutes.
  await boss.createQueue(SYNC_SWEEP_QUEUE, { retryLimit: 0 })
  await boss.schedule(SYNC_SWEEP_QUEUE, '*/15 * * * *')
  const requestSync: JobScheduler['requestSync'] = async (integrationId, reason) => {
    await boss.send(SYNC_QUEUE, { integrationId, reason }, { singletonKey: integrationId })
  }
  await work(SYNC_SWEEP_QUEUE, async () => {
    // Spread out as a portal's daily HubSpot budget runs low (see pace-scheduled-sync.ts).
    for (const id of await integrationsDueForScheduledSync(deps.db, deps.clock.now()))
      await requestSync(id, 'scheduled')
  })

  // Webhook events are applied in the background; one queued run at a time is enough.
  await boss.createQueue(INBOX_QUEUE, { policy: 'stately', retryLimit: 10, retryDelay: 5, retryBackoff: true })
  await work(INBOX_QUEUE, async () => {
    const run = await processWebhookInbox(deps)
    if (run.retried > 0) throw new Error(`${run.retried} webhook events released for retry`)
  })
  await boss.schedule(INBOX_QUEUE, '* * * * *') // picks up anything a crash left behind
  const requestWebhookProcessing = async () => {
    await boss.send(INBOX_QUEUE, {}, { singletonKey: 'inbox' })
  }

  // A full re-score per workspace, one at a time per workspace.
  await boss.createQueue(RESCORE_QUEUE, { policy: 'stately', retryLimit: 3 })
  await work<{ workspaceId: string }>(RESCORE_QUEUE, async ([job]) => {
    if (job) await rescoreWorkspace(deps.db, job.data.workspaceId, deps.clock.now())
  })
  const requestRescore = async (workspaceId: string) => {
    await boss.send(RESCORE_QUEUE, { workspaceId }, { singletonKey: workspaceId })
  }
  // Scores move with time alone (evidence fades, a silence grows), so every workspace is
  // re-scored once a day even when none of its tickets changed.
  await boss.createQueue(DAILY_RESCORE_QUEUE, { retryLimit: 0 })
  await boss.schedule(DAILY_RESCORE_QUEUE, '17 3 * * *')
  await work(DAILY_RESCORE_QUEUE, async () => {
    for (const workspaceId of await connectedWorkspaceIds(deps.db)) await requestRescore(workspaceId)
  })

  // The backtest on a workspace's own history: one at a time per workspace, one more queued at most.
  await boss.createQueue(MODEL_QUEUE, { policy: 'stately', retryLimit: 2, retryDelay: 60 })
  await work<{ workspaceId: string; trigger: ModelTrigger }>(MODEL_QUEUE, async ([job]) => {
    if (job) await runChurnModel(deps, job.data.workspaceId, job.data.trigger)
  })
  const requestModelRun = async (workspaceId: string, trigger: ModelTrigger) => {
    await boss.send(MODEL_QUEUE, { workspaceId, trigger }, { singletonKey: workspaceId })
  }
  // Weekly, so the page follows the team's churn even when nothing else triggers a run.
  await boss.createQueue(WEEKLY_MODEL_QUEUE, { retryLimit: 0 })
  await boss.schedule(WEEKLY_MODEL_QUEUE, '41 4 * * 1')
  await work(WEEKLY_MODEL_QUEUE, async () => {
    for (const workspaceId of await workspacesWithChurnDefinition(deps.db)) await requestModelRun(workspaceId, 'weekly')
  })

  return {
    requestModelRun,
    requestSync,
    requestWebhookProcessing,
    requestRescore,
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 })
    },
  }
}
