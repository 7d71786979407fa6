import type { IntegrationEvent } from '@churnlens/contracts'
import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '../../db/database'
import { integrationEvents } from '../../db/schema'

/** The workspace's connection timeline, newest first. */
export async function listIntegrationEvents(
  db: Database,
  workspaceId: string,
  limit = 100,
): Promise<IntegrationEvent[]> {
  const rows = await db
    .select()
    .from(integrationEvents)
    .where(and(eq(integrationEvents.workspaceId, workspaceId)))
    .orderBy(desc(integrationEvents.createdAt), desc(integrationEvents.id))
    .limit(limit)
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actor: row.actor.startsWith('user:') ? 'user' : row.actor,
    errorCode: row.errorCode,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
  }))
}
