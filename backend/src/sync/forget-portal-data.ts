import { eq } from 'drizzle-orm'
import type { Queryable } from '../db/database'
import { crmCompanies, crmContacts, crmTickets, syncState } from '../db/schema'

/** When a workspace switches portals, the old portal's records and sync position go with it. */
export async function forgetPortalData(db: Queryable, workspaceId: string): Promise<void> {
  for (const table of [crmTickets, crmContacts, crmCompanies, syncState]) {
    await db.delete(table).where(eq(table.workspaceId, workspaceId))
  }
}
