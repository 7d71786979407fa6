import type { FollowUpTaskView } from '@churnlens/contracts'
import { missingScopes, optionalFeatures } from '@churnlens/contracts'
import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { crmCompanies, followUpTaskSettings, followUpTasks } from '../db/schema'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'
import { hubspotCompanyUrl } from '../integrations/hubspot/hubspot-app'

const RECENT = 20

/** Settings → Alerts → Tasks in HubSpot: on or off and why, and the latest tasks with where to find them. */
export async function loadFollowUpTaskView(db: Database, workspaceId: string): Promise<FollowUpTaskView> {
  const [settings] = await db
    .select()
    .from(followUpTaskSettings)
    .where(eq(followUpTaskSettings.workspaceId, workspaceId))
  const integration = await findHubspotIntegration(db, workspaceId)
  const connected = integration !== null && integration.status !== 'disconnected' && integration.status !== 'pending'
  const missing = connected ? missingScopes(integration.grantedScopes, optionalFeatures.follow_up_tasks.scopes) : []
  const enabled = settings?.enabled ?? false
  const rows = await db
    .select({ task: followUpTasks, companyName: crmCompanies.name })
    .from(followUpTasks)
    .leftJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, followUpTasks.workspaceId), eq(crmCompanies.hubspotId, followUpTasks.companyId)),
    )
    .where(eq(followUpTasks.workspaceId, workspaceId))
    .orderBy(desc(followUpTasks.createdAt))
    .limit(RECENT)
  return {
    status: !connected ? 'not_connected' : missing.length > 0 ? 'needs_scope' : enabled ? 'on' : 'off',
    enabled,
    missingScopes: missing,
    turnedOffReason: settings?.turnedOffReason ?? null,
    turnedOffAt: settings?.turnedOffAt?.toISOString() ?? null,
    recent: rows.map(({ task, companyName }) => ({
      id: task.id,
      companyId: task.companyId,
      companyName,
      score: task.score,
      enteredAt: task.enteredAt.toISOString(),
      state: task.state,
      ownerId: task.ownerId,
      hubspotTaskId: task.hubspotTaskId,
      // The task shows on the company's record in HubSpot, where the owner works it.
      hubspotUrl: task.hubspotTaskId && task.hubId ? hubspotCompanyUrl(task.hubId, task.companyId) : null,
      attempts: task.attempts,
      lastError: task.lastError,
      createdAt: task.createdAt.toISOString(),
    })),
  }
}
