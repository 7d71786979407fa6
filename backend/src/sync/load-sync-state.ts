import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { syncState } from '../db/schema'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'

export type SyncStateRow = typeof syncState.$inferSelect

export async function loadSyncState(
  db: Database,
  workspaceId: string,
  objectType: CrmObjectType,
): Promise<SyncStateRow> {
  await db.insert(syncState).values({ workspaceId, objectType }).onConflictDoNothing()
  const [row] = await db
    .select()
    .from(syncState)
    .where(and(eq(syncState.workspaceId, workspaceId), eq(syncState.objectType, objectType)))
  if (!row) throw new Error('sync_state row vanished')
  return row
}
