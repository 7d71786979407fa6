import { and, eq, inArray, sql } from 'drizzle-orm'
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
 * The given companies' live tickets as scoring reads them. Times come as float8 epoch
 * milliseconds (parsing a million timestamps into Dates costs more than the scoring). Cues are read
 * when a ticket is stored; rows stored under older phrase lists are read again here, once, and saved.
 */
export async function loadCompanyTickets(
  db: Database,
  workspaceId: string,
  companyIds: readonly number[],
): Promise<Map<number, TicketFacts[]>> {
  const rows = await db
    .select({
      id: crmTickets.hubspotId,
      companyId: crmTickets.companyId,
      priority: crmTickets.priority,
      stage: crmTickets.stage,
      category: crmTickets.category,
      createdAt: sql<number | null>`date_part('epoch', ${crmTickets.hsCreatedAt}) * 1000`,
      closedAt: sql<number | null>`date_part('epoch', ${crmTickets.closedAt}) * 1000`,
      cues: crmTickets.textCues,
      cuesVersion: crmTickets.textCuesVersion,
    })
    .from(crmTickets)
    .where(
      and(
        eq(crmTickets.workspaceId, workspaceId),
        inArray(crmTickets.companyId, [...companyIds]),
        eq(crmTickets.archived, false),
      ),
    )
  const byCompany = new Map<number, TicketFacts[]>(companyIds.map((id) => [id, []]))
  const stale: TicketFacts[] = []
  for (const row of rows) {
    if (row.createdAt === null || row.companyId === null) continue
    const ticket: TicketFacts = {
      id: row.id,
      createdAt: Number(row.createdAt),
      closedAt: row.closedAt === null ? null : Number(row.closedAt),
      closedWithoutDate: row.closedAt === null && row.stage === CLOSED_STAGE,
      priority: toTicketPriority(row.priority),
      escalated: row.category !== null && escalationCategories.test(row.category),
      cues: row.cues ?? {},
    }
    if (row.cuesVersion < TICKET_CUES_VERSION) stale.push(ticket)
    byCompany.get(row.companyId)?.push(ticket)
  }
  if (stale.length > 0) await rereadCues(db, workspaceId, stale)
  return byCompany
}

async function rereadCues(db: Database, workspaceId: string, tickets: TicketFacts[]): Promise<void> {
  const texts = await db
    .select({ id: crmTickets.hubspotId, subject: crmTickets.subject, content: crmTickets.content })
    .from(crmTickets)
    .where(
      and(
        eq(crmTickets.workspaceId, workspaceId),
        inArray(
          crmTickets.hubspotId,
          tickets.map((t) => t.id),
        ),
      ),
    )
  const byId = new Map(tickets.map((t) => [t.id, t]))
  for (const row of texts) {
    const cues = readTicketCues(row.subject, row.content)
    byId.get(row.id)!.cues = cues
    await db
      .update(crmTickets)
      .set({ textCues: cues, textCuesVersion: TICKET_CUES_VERSION })
      .where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.hubspotId, row.id)))
  }
}
