import type { SetFollowUpTasksBody } from '@churnlens/contracts'
import { hasScopes, optionalFeatures } from '@churnlens/contracts'
import type { Database } from '../db/database'
import { followUpTaskSettings } from '../db/schema'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'

/**
 * Switches follow-up tasks on or off for the workspace. On needs a connection holding the scope; each
 * switch-on starts a new `enabledAt`, so only companies entering the band afterwards get a task, and
 * clears a turn-off Churnlens made itself.
 */
export async function setFollowUpTasks(
  db: Database,
  workspaceId: string,
  body: SetFollowUpTasksBody,
  now: Date,
): Promise<Result<void, 'not_connected' | 'missing_scopes'>> {
  if (body.enabled) {
    const integration = await findHubspotIntegration(db, workspaceId)
    if (!integration || integration.status === 'disconnected' || integration.status === 'pending')
      return err('not_connected')
    if (!hasScopes(integration.grantedScopes, optionalFeatures.follow_up_tasks.scopes)) return err('missing_scopes')
  }
  const values = body.enabled
    ? { enabled: true, enabledAt: now, turnedOffReason: null, turnedOffAt: null, updatedAt: now }
    : { enabled: false, updatedAt: now }
  await db
    .insert(followUpTaskSettings)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: followUpTaskSettings.workspaceId, set: values })
  return ok(undefined)
}
