import { PgBoss, fromPglite } from 'pg-boss'
import { deliverAlert } from '../alerts/deliver-alert'
import { raiseAlerts } from '../alerts/raise-alerts'
import { sendDailyDigests } from '../alerts/send-daily-digests'
import { createFollowUpTask } from '../follow-up-tasks/create-follow-up-task'
import { raiseFollowUpTasks } from '../follow-up-tasks/raise-follow-up-tasks'
import type { AppDeps } from '../app-deps'
import { DEFAULT_SCHEDULE } from '../config'
import type { JobsConnection } from '../db/database'
import { connectedWorkspaceIds } from '../integrations/hubspot/find-integration'
import type { ModelTrigger } from '../churn/model/model-trigger'
import { runChurnModelJob } from '../churn/model/run-churn-model-job'
import { workspacesWithChurnDefinition } from '../churn/outcomes/workspaces-with-churn-definition'
import { rescoreWorkspace } from '../churn/rescore-workspace'
import { expirePendingInstalls } from '../integrations/hubspot/install/expire-pending-installs'
import { pruneExpiredData } from '../retention/prune-expired-data'
import type { SyncPacing } from '../sync/run-sync'
import { recomputeCompanyValues } from '../revenue/recompute-company-values'
import { loadRevenueSettings } from '../revenue/load-revenue-settings'
import { runSync } from '../sync/run-sync'
import { cadenceFor, claimScheduledSyncs } from '../sync/pace-scheduled-sync'
import { processWebhookInbox } from '../webhooks/process-webhook-inbox'
import { jobClaim } from './job-claim'
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
const RETENTION_QUEUE = 'prune-expired-data'
const ALERTS_QUEUE = 'raise-alerts'
const DELIVER_ALERT_QUEUE = 'deliver-alert'
const ALERT_DIGEST_QUEUE = 'alert-digest-daily'
const FOLLOW_UP_TASK_QUEUE = 'create-follow-up-task'
const COMPANY_VALUES_QUEUE = 'company-values'
/** pg-boss's smallest heartbeat: a dead worker's job is free again this long after its last beat. */
const HEARTBEAT_SECONDS = 10
const SUPERVISE_SECONDS = 2
/** Beats well inside HEARTBEAT_SECONDS, so a live worker under load is not mistaken for a dead one. */
const heartbeatRefreshSeconds = 2

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
  // A job whose worker died is failed once its heartbeat is older than HEARTBEAT_SECONDS, by the
  // next supervisor pass of any instance: supervising every few seconds is what makes recovery
  // after a crash take seconds rather than minutes (pg-boss's default is a pass a minute).
  // The queue sizes those passes record are read back as often, so a worker with a backlog drains it without
  // pausing between jobs (burstWhenReadyExceeds below).
  const supervision = {
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
    queueCacheIntervalSeconds: SUPERVISE_SECONDS,
  }
  // On Postgres, a job sent to a queue with `notify` wakes the workers at once over LISTEN/NOTIFY (one more
  // connection per worker process) instead of at their next poll: "Sync now", a new connection and HubSpot's
  // webhooks start being served within milliseconds, and the sweep's passes do not queue behind a poll.
  const notify = connection.kind === 'postgres'
  const boss =
    connection.kind === 'postgres'
      ? // The queue needs few connections; the API's pool is where concurrency lives.
        new PgBoss({ connectionString: connection.url, max: 3, useListenNotify: options.work, ...supervision })
      : new PgBoss({ db: fromPglite(connection.client), backend: 'pglite', ...supervision })
  // With notify, polling stays the floor at its usual pace (pg-boss would otherwise relax it to 30 s).
  const woken = { notifyPollingIntervalSeconds: 2 }
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'))
  await boss.start()
  // API-only instances (RUN_WORKER=false) still enqueue work; only workers take it.
  const work: typeof boss.work = options.work ? boss.work.bind(boss) : ((async () => '') as unknown as typeof boss.work)

  // The product's intervals run on pg-boss's cron (minute resolution, once for the cluster). Other
  // intervals (a benchmark compressing time) are ticks every worker sends; the singleton slot keeps
  // it to one job per interval however many workers there are.
  const timers: NodeJS.Timeout[] = []
  async function every(queue: string, seconds: number, productCron: string, productSeconds: number) {
    if (seconds === productSeconds) return boss.schedule(queue, productCron)
    await boss.unschedule(queue) // a cron left by an earlier start with the product's interval
    if (!options.work) return
    const tick = () =>
      void boss
        .send(queue, {}, { singletonKey: 'tick', singletonSeconds: seconds })
        .catch((error: unknown) => deps.logger.error({ err: error, queue }, 'scheduled tick failed'))
    timers.push(setInterval(tick, Math.max(250, (seconds * 1000) / 4)))
  }
  const { schedule } = deps.config

  // Created first: a finished import (below) asks for a model run.
  await boss.createQueue(MODEL_QUEUE, { policy: 'stately', retryLimit: 2, retryDelay: 60 })
  async function requestModelRun(workspaceId: string, trigger: ModelTrigger) {
    await boss.send(MODEL_QUEUE, { workspaceId, trigger }, { singletonKey: workspaceId })
  }

  // Alerts: raised after each scoring pass (one pass per workspace at a time, one queued behind it),
  // each sent by its own job so a slow or failing Slack delays only itself. A failed send comes back
  // after 5 s, then 10, 20, 40: deliverAlert gives up after ALERT_ATTEMPTS and marks a bad URL failing.
  await boss.createQueue(ALERTS_QUEUE, { policy: 'stately', retryLimit: 3, retryDelay: 5 })
  const deliverQueue = { retryLimit: 4, retryDelay: 5, retryBackoff: true, retryDelayMax: 300 }
  await boss.createQueue(DELIVER_ALERT_QUEUE, deliverQueue)
  // Follow-up tasks in HubSpot ride on the same pass; the HubSpot client already retried 429s and 5xx,
  // so a task that still failed comes back after 30 s, then 60, 120… (createFollowUpTask gives up after its attempts).
  const followUpQueue = { retryLimit: 4, retryDelay: 30, retryBackoff: true, retryDelayMax: 900 }
  await boss.createQueue(FOLLOW_UP_TASK_QUEUE, followUpQueue)
  async function requestAlertCheck(workspaceId: string) {
    await boss.send(ALERTS_QUEUE, { workspaceId }, { singletonKey: workspaceId })
  }
  await work<{ workspaceId: string }>(ALERTS_QUEUE, async ([job]) => {
    if (!job) return
    const { toSend } = await raiseAlerts(deps.db, job.data.workspaceId, deps.clock.now())
    // An alert queued twice (by this pass and another instance's) is still sent once: deliverAlert claims its row.
    for (const deliveryId of toSend)
      await boss.send(DELIVER_ALERT_QUEUE, { deliveryId }, { singletonKey: deliveryId, ...deliverQueue })
    const { toCreate } = await raiseFollowUpTasks(deps.db, job.data.workspaceId, deps.clock.now())
    // Queued twice (by another instance's pass) is still created once: createFollowUpTask claims its row.
    for (const taskId of toCreate)
      await boss.send(FOLLOW_UP_TASK_QUEUE, { taskId }, { singletonKey: taskId, ...followUpQueue })
  })
  await work<{ taskId: string }>(FOLLOW_UP_TASK_QUEUE, async ([job]) => {
    if (!job) return
    const outcome = await createFollowUpTask(deps, job.data.taskId)
    if (outcome === 'retry') throw new Error('follow-up task not created; retrying with backoff')
  })
  await work<{ deliveryId: string }>(DELIVER_ALERT_QUEUE, async ([job]) => {
    if (!job) return
    const outcome = await deliverAlert(deps, job.data.deliveryId)
    if (outcome === 'retry') throw new Error('slack alert delivery failed; retrying with backoff')
  })
  // Revenue and renewal per company from the sources the team chose: one pass per workspace at a time, one
  // queued behind it. A pass that moved renewal dates may make renewal alerts due.
  await boss.createQueue(COMPANY_VALUES_QUEUE, { policy: 'stately', retryLimit: 3, retryDelay: 30, retryBackoff: true })
  async function requestCompanyValues(workspaceId: string) {
    await boss.send(COMPANY_VALUES_QUEUE, { workspaceId }, { singletonKey: workspaceId })
  }
  await work<{ workspaceId: string }>(COMPANY_VALUES_QUEUE, async ([job]) => {
    if (!job) return
    const outcome = await recomputeCompanyValues(deps, job.data.workspaceId)
    if (outcome.status === 'ready') await requestAlertCheck(job.data.workspaceId)
    // A choice HubSpot no longer supports waits for the team (the settings page shows why); the rest is retried.
    const lasting = ['unknown_pipeline', 'deals_scope_missing', 'not_connected', 'needs_reauth']
    if (outcome.status === 'failed' && !lasting.includes(outcome.error))
      throw new Error(`company values could not be recomputed: ${outcome.error}`)
  })

  // The digest mail, each morning (UTC), once for the cluster; a member's digest is sent once (see sendDailyDigests).
  await boss.createQueue(ALERT_DIGEST_QUEUE, { retryLimit: 3, retryDelay: 60, retryBackoff: true })
  await boss.schedule(ALERT_DIGEST_QUEUE, schedule.alertDigestCron)
  await work(ALERT_DIGEST_QUEUE, async () => {
    await sendDailyDigests(deps, deps.clock.now())
  })

  await boss.createQueue(REFRESH_QUEUE, { retryLimit: 0, expireInSeconds: 300 })
  await every(REFRESH_QUEUE, schedule.tokenRefreshSeconds, '* * * * *', DEFAULT_SCHEDULE.tokenRefreshSeconds)
  await work(REFRESH_QUEUE, async () => {
    await refreshExpiringTokens(deps)
    // An unclaimed install's grant should not outlive its hour by more than a minute.
    await expirePendingInstalls(deps)
  })

  // One sync per portal at a time (one queued behind it at most): the portal's rate budget is not split.
  // The heartbeat lets any instance take over a sync whose process died, from its checkpoint, within
  // seconds; the first retry comes after a second or two, later ones back off up to ten minutes.
  const syncQueue = {
    retryLimit: 12,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 600,
    expireInSeconds: 4 * 3600,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    notify,
  }
  await boss.createQueue(SYNC_QUEUE, { policy: 'stately', ...syncQueue })
  await boss.updateQueue(SYNC_QUEUE, syncQueue) // databases created with the earlier, slower settings
  // A pass someone asked for goes first, then the passes that keep portals current, then new connections (a first
  // import), and last an import's next slice. Otherwise a wave of new connections would hold back the 15-minute
  // passes of every portal imported before them, and one huge import every small one. (pg-boss takes the highest
  // priority first, then the oldest.) One job per portal still holds: the singleton key.
  const syncPriority = { manual: 3, scheduled: 2, connected: 1, continue: 0 } as const
  const requestSync = async (
    integrationId: string,
    reason: Parameters<JobScheduler['requestSync']>[1] | 'continue',
  ) => {
    await boss.send(
      SYNC_QUEUE,
      { integrationId, reason },
      { singletonKey: integrationId, priority: syncPriority[reason] },
    )
  }
  // Steady-state passes ask HubSpot only what changed: the archived listing (deletions whose webhook was
  // lost) every 24 pass intervals, six hours in the product; the owners every 4, an hour.
  const syncPacing: SyncPacing = {
    sliceMs: schedule.importSliceSeconds * 1000,
    archivedSweepEveryMs: schedule.syncSweepSeconds * 24 * 1000,
    ownersEveryMs: schedule.syncSweepSeconds * 4 * 1000,
  }
  await work<{ integrationId: string }>(
    SYNC_QUEUE,
    // Each slot polls every 2 s when idle; while passes are waiting it takes the next one as soon as it is free,
    // or a slot would run at most one pass per poll whatever HubSpot's speed.
    {
      localConcurrency: schedule.syncConcurrency,
      includeMetadata: true,
      heartbeatRefreshSeconds,
      burstWhenReadyExceeds: 1,
      ...woken,
    },
    async ([job]) => {
      if (!job) return
      // Only the worker holding the job may commit checkpoints: see jobClaim.
      const outcome = await runSync(deps, job.data.integrationId, jobClaim(SYNC_QUEUE, job), syncPacing)
      // The import goes to the back of the line, behind every portal's incremental pass (see requestSync).
      if (outcome.status === 'done' && outcome.paused) await requestSync(job.data.integrationId, 'continue')
      // A failed type resumes from its checkpoint on retry.
      if (outcome.status === 'done' && outcome.failures.length > 0)
        throw new Error(`sync failed: ${outcome.failures.map((f) => `${f.type}=${f.error}`).join(', ')}`)
      // A full import brings the team's whole history: test the model on it (skipped without a churn definition).
      if (outcome.status === 'done' && outcome.completedImport) await requestModelRun(outcome.workspaceId, 'full_sync')
      if (outcome.status === 'done' && outcome.scored > 0) await requestAlertCheck(outcome.workspaceId)
      // Deals are not synced: a deals source is read again after each pass (a chosen property came with the sync).
      if (outcome.status === 'done' && !outcome.paused) {
        const { settings } = await loadRevenueSettings(deps.db, outcome.workspaceId)
        if (settings.revenue.kind === 'deals' || settings.renewal.kind === 'deals')
          await requestCompanyValues(outcome.workspaceId)
      }
    },
  )
  // The safety net for missed webhooks: each portal's incremental pass at least every 15 minutes. The sweep
  // ticks every minute and queues the portals that fell due, the longest-waiting first, so passes are spread
  // over the interval rather than queued all at once (see pace-scheduled-sync.ts, which also slows a portal
  // down as its daily HubSpot budget runs low).
  const cadence = cadenceFor(schedule.syncSweepSeconds)
  const sweepQueue = { retryLimit: 0, notify }
  await boss.createQueue(SYNC_SWEEP_QUEUE, sweepQueue)
  await boss.updateQueue(SYNC_SWEEP_QUEUE, sweepQueue)
  await every(
    SYNC_SWEEP_QUEUE,
    cadence.tickMs / 1000,
    '* * * * *',
    cadenceFor(DEFAULT_SCHEDULE.syncSweepSeconds).tickMs / 1000,
  )
  await work(SYNC_SWEEP_QUEUE, woken, async () => {
    for (const id of await claimScheduledSyncs(deps.db, deps.clock.now(), cadence)) await requestSync(id, 'scheduled')
  })

  // Webhook events are applied in the background; one queued run at a time is enough.
  // The heartbeat frees the queue within seconds of a crash; the events the dead run had claimed
  // come back once their claim's lease ends (see processWebhookInbox).
  const inboxQueue = { retryLimit: 10, retryDelay: 5, retryBackoff: true, heartbeatSeconds: HEARTBEAT_SECONDS, notify }
  await boss.createQueue(INBOX_QUEUE, { policy: 'stately', ...inboxQueue })
  await boss.updateQueue(INBOX_QUEUE, inboxQueue)
  await work(INBOX_QUEUE, { heartbeatRefreshSeconds, ...woken }, async () => {
    const run = await processWebhookInbox(deps)
    if (run.retried > 0) throw new Error(`${run.retried} webhook events released for retry`)
  })
  await boss.schedule(INBOX_QUEUE, '* * * * *') // picks up anything a crash left behind
  const requestWebhookProcessing = async () => {
    await boss.send(INBOX_QUEUE, {}, { singletonKey: 'inbox' })
  }

  // A full re-score per workspace, one at a time per workspace.
  // A pass killed midway is run again whole, seconds after a worker is back.
  const rescoreQueue = { retryLimit: 3, heartbeatSeconds: HEARTBEAT_SECONDS }
  await boss.createQueue(RESCORE_QUEUE, { policy: 'stately', ...rescoreQueue })
  await boss.updateQueue(RESCORE_QUEUE, rescoreQueue)
  await work<{ workspaceId: string }>(RESCORE_QUEUE, { heartbeatRefreshSeconds }, async ([job]) => {
    if (!job) return
    await rescoreWorkspace(deps.db, job.data.workspaceId, deps.clock.now())
    await requestAlertCheck(job.data.workspaceId)
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
  await work<{ workspaceId: string; trigger: ModelTrigger }>(MODEL_QUEUE, async ([job]) => {
    if (job) await runChurnModelJob(deps, job.data.workspaceId, job.data.trigger)
  })

  // Weekly, so the page follows the team's churn even when nothing else triggers a run.
  await boss.createQueue(WEEKLY_MODEL_QUEUE, { retryLimit: 0 })
  await boss.schedule(WEEKLY_MODEL_QUEUE, '41 4 * * 1')
  await work(WEEKLY_MODEL_QUEUE, async () => {
    for (const workspaceId of await workspacesWithChurnDefinition(deps.db)) await requestModelRun(workspaceId, 'weekly')
  })

  // Retention: once an hour, once for the whole cluster; each pass deletes only what expired since the last.
  await boss.createQueue(RETENTION_QUEUE, { retryLimit: 0, expireInSeconds: 900 })
  await boss.schedule(RETENTION_QUEUE, '23 * * * *')
  await work(RETENTION_QUEUE, async () => {
    await pruneExpiredData(deps, deps.config.retention)
  })

  return {
    requestModelRun,
    requestSync,
    requestWebhookProcessing,
    requestRescore,
    requestAlertCheck,
    requestCompanyValues,
    async stop() {
      for (const timer of timers) clearInterval(timer)
      await boss.stop({ graceful: true, timeout: 10_000 })
    },
  }
}
