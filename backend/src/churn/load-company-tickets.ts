import { and, eq, inArray, lt } from 'drizzle-orm'
import type { Database } from '../db/database'
import { crmTickets } from '../db/schema'
import { escalationCategories } from './language/cue-terms'
import { readTicketCues } from './language/read-ticket-cues'
import { TICKET_CUES_VERSION } from './language/ticket-cues'
import type { TicketFacts } from './signals/ticket-facts'
import { toTicketPriority } from './signals/ticket-facts'

/** The default pipeline's closed stage: a closed ticket HubSpot sent without a close date. */
const CLOSED_STAGE = '4'

/**
 * The given companies' live tickets as scoring reads them. Cues are read when a ticket is stored;
 * rows stored under older phrase lists are read again here, once, and saved.
 */
export async function loadCompanyTickets(db: Database, workspaceId: string, companyIds: readonly number[]): Promise<Map<number, TicketFacts[]>> {
  const inCompanies = and(eq(crmTickets.workspaceId, workspaceId), inArray(crmTickets.companyId, [...companyIds]), eq(crmTickets.archived, false))
  await rereadStaleCues(db, workspaceId, inCompanies)
  const rows = await db.select({
    id: crmTickets.hubspotId, companyId: crmTickets.companyId, priority: crmTickets.priority, stage: crmTickets.stage, category: crmTickets.category,
    createdAt: crmTickets.hsCreatedAt, closedAt: crmTickets.closedAt, cues: crmTickets.textCues,
  }).from(crmTickets).where(inCompanies)
  const byCompany = new Map<number, TicketFacts[]>(companyIds.map((id) => [id, []]))
  for (const row of rows) {
    if (row.createdAt === null || row.companyId === null) continue
    byCompany.get(row.companyId)?.push({
      id: row.id,
      createdAt: row.createdAt.getTime(),
      closedAt: row.closedAt?.getTime() ?? null,
      closedWithoutDate: row.closedAt === null && row.stage === CLOSED_STAGE,
      priority: toTicketPriority(row.priority),
      escalated: escalationCategories.test(row.category ?? ''),
      cues: row.cues ?? {},
    })
  }
  return byCompany
}

async function rereadStaleCues(db: Database, workspaceId: string, where: ReturnType<typeof and>): Promise<void> {
  const stale = await db.select({ id: crmTickets.hubspotId, subject: crmTickets.subject, content: crmTickets.content })
    .from(crmTickets).where(and(where, lt(crmTickets.textCuesVersion, TICKET_CUES_VERSION)))
  for (const row of stale) {
    await db.update(crmTickets).set({ textCues: readTicketCues(row.subject, row.content), textCuesVersion: TICKET_CUES_VERSION })
      .where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.hubspotId, row.id)))
  }
}
