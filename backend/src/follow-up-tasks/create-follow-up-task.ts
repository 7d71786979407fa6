import { hasScopes, optionalFeatures } from '@churnlens/contracts'
import { and, eq, lt, or } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { churnScores, crmCompanies, followUpTaskSettings, followUpTasks } from '../db/schema'
import { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import { createTask } from '../integrations/hubspot/crm/create-task'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'
import { companyLink } from '../links/company-link'
import { buildFollowUpTask } from './build-follow-up-task'

/** One task is tried this many times at most (pg-boss spaces the tries out; the client already retried 429s and 5xx). */
export const FOLLOW_UP_TASK_ATTEMPTS = 5
const CLAIM_MS = 120_000

export type FollowUpTaskOutcome = 'created' | 'skipped' | 'retry' | 'failed' | 'turned_off'

type Deps = Pick<
  AppDeps,
  | 'db'
  | 'clock'
  | 'logger'
  | 'fetch'
  | 'hubspot'
  | 'metrics'
  | 'budgets'
  | 'retryDelayScale'
  | 'tokens'
  | 'config'
  | 'sessionSecret'
>

const scopes = optionalFeatures.follow_up_tasks.scopes
const turnedOffReason = `HubSpot refused to create tasks: the connection lacks ${scopes.join(', ')}. Reconnect HubSpot, grant it, then switch tasks on again.`

/**
 * Creates one recorded follow-up task in HubSpot. The row is claimed first, so two workers handed the
 * same task create it once. `retry` asks the caller to try again later (the job throws so pg-boss backs
 * off); HubSpot refusing the task is a permanent failure, kept on the row and shown; HubSpot refusing
 * the scope switches the feature off for the workspace, since every later task would meet the same 403.
 */
export async function createFollowUpTask(deps: Deps, taskId: string): Promise<FollowUpTaskOutcome> {
  const { db } = deps
  const now = deps.clock.now()
  const [task] = await db
    .update(followUpTasks)
    .set({ state: 'creating', claimedUntil: new Date(now.getTime() + CLAIM_MS) })
    .where(
      and(
        eq(followUpTasks.id, taskId),
        or(
          eq(followUpTasks.state, 'pending'),
          and(eq(followUpTasks.state, 'creating'), lt(followUpTasks.claimedUntil, now)),
        ),
      ),
    )
    .returning()
  if (!task) return 'skipped'
  const attempts = task.attempts + 1
  const settle = (set: Partial<typeof followUpTasks.$inferInsert>) =>
    db
      .update(followUpTasks)
      .set({ claimedUntil: null, attempts, ...set })
      .where(eq(followUpTasks.id, taskId))
  const turnOff = async () => {
    await db
      .update(followUpTaskSettings)
      .set({ enabled: false, turnedOffReason, turnedOffAt: now, updatedAt: now })
      .where(eq(followUpTaskSettings.workspaceId, task.workspaceId))
    await settle({ state: 'failed', lastError: turnedOffReason, doneAt: now })
    return 'turned_off' as const
  }

  const integration = await findHubspotIntegration(db, task.workspaceId)
  if (!integration || integration.status === 'disconnected' || integration.status === 'pending') {
    await settle({ state: 'failed', lastError: 'HubSpot is not connected.', doneAt: now })
    return 'failed'
  }
  if (!hasScopes(integration.grantedScopes, scopes)) return turnOff()

  const [company] = await db
    .select({ name: crmCompanies.name, reasons: churnScores.reasons })
    .from(crmCompanies)
    .leftJoin(
      churnScores,
      and(eq(churnScores.workspaceId, crmCompanies.workspaceId), eq(churnScores.companyId, crmCompanies.hubspotId)),
    )
    .where(and(eq(crmCompanies.workspaceId, task.workspaceId), eq(crmCompanies.hubspotId, task.companyId)))
  const newTask = buildFollowUpTask({
    companyId: task.companyId,
    companyName: company?.name ?? null,
    score: task.score,
    ownerId: task.ownerId,
    reasons: company?.reasons ?? [],
    link: companyLink(deps.config.publicUrl, deps.sessionSecret, task.workspaceId, task.companyId),
    now,
  })
  const created = await createTask(HubspotClient.fromIntegration(deps, integration), newTask)
  if (created.ok) {
    await settle({
      state: 'created',
      hubspotTaskId: created.value,
      hubId: integration.hubId,
      lastError: null,
      doneAt: now,
    })
    return 'created'
  }
  const error = created.error
  deps.logger.warn({ taskId, workspaceId: task.workspaceId, error }, 'follow-up task not created')
  if (error === 'forbidden') return turnOff()
  if (typeof error === 'object') {
    await settle({ state: 'failed', lastError: `HubSpot refused the task: ${error.refused}`, doneAt: now })
    return 'failed'
  }
  const reason = describeError(error)
  if (error === 'needs_reauth' || error === 'not_connected' || attempts >= FOLLOW_UP_TASK_ATTEMPTS) {
    await settle({ state: 'failed', lastError: reason, doneAt: now })
    return 'failed'
  }
  await settle({ state: 'pending', lastError: reason })
  return 'retry'
}

function describeError(error: string): string {
  switch (error) {
    case 'needs_reauth':
      return 'HubSpot needs to be reconnected.'
    case 'not_connected':
      return 'HubSpot is not connected.'
    case 'not_found':
      return 'HubSpot answered 404.'
    case 'hubspot_daily_limit':
      return "HubSpot's daily API limit was reached."
    case 'hubspot_invalid_response':
      return 'HubSpot answered with something Churnlens could not read.'
    default:
      return 'HubSpot was unavailable (it kept answering 429 or 5xx, or did not answer).'
  }
}
