import type { IntegrationEvent } from '@churnlens/contracts'
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/database'
import { integrationEvents, users } from '../../db/schema'

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
  // A team shares the timeline: each entry names who acted, not just "a user".
  const userIds = [...new Set(rows.flatMap((row) => (row.actor.startsWith('user:') ? [row.actor.slice(5)] : [])))]
  const people =
    userIds.length === 0
      ? []
      : await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds))
  const emailOf = new Map(people.map((p) => [`user:${p.id}`, p.email]))
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actor: row.actor.startsWith('user:') ? 'user' : row.actor,
    actorEmail: emailOf.get(row.actor) ?? null,
    errorCode: row.errorCode,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
  }))
}
