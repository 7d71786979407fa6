import type { RevenueSettings, RevenueSourceLabel } from '@churnlens/contracts'
import { recordWorkspaceEvent } from '../audit/record-workspace-event'
import type { Database } from '../db/database'
import { revenueSettings } from '../db/schema'

/** Sets where revenue and renewal dates come from; the companies' values follow in the background (pending). */
export async function saveRevenueSettings(
  db: Database,
  change: { workspaceId: string; userId: string; settings: RevenueSettings; labels: RevenueSourceLabel; now: Date },
): Promise<void> {
  const { workspaceId, settings, labels, now } = change
  await db.transaction(async (tx) => {
    const values = {
      workspaceId,
      revenue: settings.revenue,
      renewal: settings.renewal,
      labels,
      setByUserId: change.userId,
      setAt: now,
      recomputeStatus: 'pending' as const,
      recomputeError: null,
    }
    await tx
      .insert(revenueSettings)
      .values(values)
      .onConflictDoUpdate({ target: revenueSettings.workspaceId, set: values })
    await recordWorkspaceEvent(tx, {
      workspaceId,
      type: 'revenue.settings_set',
      actorUserId: change.userId,
      detail: { settings },
    })
  })
}
