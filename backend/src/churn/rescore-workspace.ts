import { and, asc, eq, gt } from 'drizzle-orm'
import type { Database } from '../db/database'
import { crmCompanies } from '../db/schema'
import { rescoreCompanies } from './rescore-companies'

/** Every live company of the workspace, in chunks so memory stays flat at 20,000 companies. */
export async function rescoreWorkspace(db: Database, workspaceId: string, now: Date, chunkSize = 500): Promise<number> {
  let after = 0
  let scored = 0
  for (;;) {
    const companies = await db.select({ id: crmCompanies.hubspotId }).from(crmCompanies)
      .where(and(eq(crmCompanies.workspaceId, workspaceId), eq(crmCompanies.archived, false), gt(crmCompanies.hubspotId, after)))
      .orderBy(asc(crmCompanies.hubspotId)).limit(chunkSize)
    if (companies.length === 0) return scored
    scored += await rescoreCompanies(db, workspaceId, companies.map((c) => c.id), now)
    after = companies[companies.length - 1]!.id
  }
}
