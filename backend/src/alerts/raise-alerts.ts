import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../db/database'
import { alertDeliveries, alertSlackTargets } from '../db/schema'
import { findDueAlerts } from './find-due-alerts'

/**
 * Records every alert due now that was not recorded before, and answers the ones waiting to be sent
 * (new ones, and any a crash left waiting). The unique key makes a second raise, from another
 * instance at the same moment or after a restart, insert nothing.
 */
export async function raiseAlerts(
  db: Database,
  workspaceId: string,
  now: Date,
): Promise<{ raised: number; toSend: string[] }> {
  const due = await findDueAlerts(db, workspaceId, now)
  let raised = 0
  if (due.length > 0) {
    const [target] = await db
      .select({ failingSince: alertSlackTargets.failingSince })
      .from(alertSlackTargets)
      .where(eq(alertSlackTargets.workspaceId, workspaceId))
    const undeliverable = !target ? 'No Slack URL is set.' : target.failingSince ? 'The Slack URL is failing.' : null
    const inserted = await db
      .insert(alertDeliveries)
      .values(
        due.map((alert) => ({
          workspaceId,
          ...alert,
          status: undeliverable ? ('not_delivered' as const) : ('pending' as const),
          lastError: undeliverable,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: alertDeliveries.id })
    raised = inserted.length
  }
  const waiting = await db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.workspaceId, workspaceId), inArray(alertDeliveries.status, ['pending', 'sending'])))
  return { raised, toSend: waiting.map((w) => w.id) }
}
