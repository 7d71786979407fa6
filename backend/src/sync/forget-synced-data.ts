import { eq } from 'drizzle-orm'
import type { Queryable } from '../db/database'
import { churnPortalBaselines, churnScoreHistory, churnScores } from '../db/schema'
import { forgetPortalData } from './forget-portal-data'

/** On a disconnect that asks for it: the portal's records, the sync position, and the scores built on them. */
export async function forgetSyncedData(db: Queryable, workspaceId: string): Promise<void> {
  await forgetPortalData(db, workspaceId)
  for (const table of [churnScoreHistory, churnScores, churnPortalBaselines])
    await db.delete(table).where(eq(table.workspaceId, workspaceId))
}
