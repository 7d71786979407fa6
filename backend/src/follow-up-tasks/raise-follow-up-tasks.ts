import { hasScopes, optionalFeatures } from '@churnlens/contracts'
import { and, eq, lt, or } from 'drizzle-orm'
import { loadBandEntries } from '../alerts/load-band-entries'
import type { Database } from '../db/database'
import { followUpTaskSettings, followUpTasks } from '../db/schema'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'

/**
 * Records a follow-up task for every company that entered the high band since the workspace switched
 * tasks on, and answers the ones waiting to be created (new ones, and any a crash left behind). The
 * unique key (company × entry) makes a second raise, from another instance or after a restart, insert
 * nothing: one task per entry into the band. Without the scope nothing is recorded (the settings page
 * says so), so granting it later does not bring back a backlog.
 */
export async function raiseFollowUpTasks(
  db: Database,
  workspaceId: string,
  now: Date,
): Promise<{ raised: number; toCreate: string[] }> {
  const [settings] = await db
    .select()
    .from(followUpTaskSettings)
    .where(eq(followUpTaskSettings.workspaceId, workspaceId))
  if (!settings?.enabled || !settings.enabledAt) return { raised: 0, toCreate: [] }
  const integration = await findHubspotIntegration(db, workspaceId)
  if (!integration || !hasScopes(integration.grantedScopes, optionalFeatures.follow_up_tasks.scopes))
    return { raised: 0, toCreate: [] }
  const since = settings.enabledAt
  const entries = (await loadBandEntries(db, workspaceId)).filter((e) => e.enteredAt >= since)
  let raised = 0
  if (entries.length > 0) {
    const inserted = await db
      .insert(followUpTasks)
      .values(
        entries.map((entry) => ({
          workspaceId,
          companyId: entry.companyId,
          enteredAt: entry.enteredAt,
          score: entry.score,
          ownerId: entry.ownerId,
          state: 'pending' as const,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: followUpTasks.id })
    raised = inserted.length
  }
  const waiting = await db
    .select({ id: followUpTasks.id })
    .from(followUpTasks)
    .where(
      and(
        eq(followUpTasks.workspaceId, workspaceId),
        or(
          eq(followUpTasks.state, 'pending'),
          and(eq(followUpTasks.state, 'creating'), lt(followUpTasks.claimedUntil, now)),
        ),
      ),
    )
  return { raised, toCreate: waiting.map((w) => w.id) }
}
