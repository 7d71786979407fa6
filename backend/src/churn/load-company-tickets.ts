import type { AnyColumn } from 'drizzle-orm'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../db/database'
import { crmTickets } from '../db/schema'
import { escalationCategories } from './language/cue-terms'
import { readTicketCues } from './language/read-ticket-cues'
import { TICKET_CUES_VERSION } from './language/ticket-cues'
import type { TicketCues } from './language/ticket-cues'
import type { TicketFacts } from './signals/ticket-facts'
import { toTicketPriority } from './signals/ticket-facts'

/** The default pipeline's closed stage: a closed ticket HubSpot sent without a close date. */
const CLOSED_STAGE = '4'
/** Epoch milliseconds as float8 (`date_part` stays in floating point; `extract` goes through numeric, 3× slower). */
const epochMs = (column: AnyColumn) => sql`date_part('epoch', ${column}) * 1000`

/** One ticket as the query sends it: [id, created ms, closed ms, priority, stage, category, cues, cues version]. */
type TicketTuple = [
  number,
  number | null,
  number | null,
  string | null,
  string | null,
  string | null,
  TicketCues | null,
  number,
]

/**
 * The given companies' live tickets as scoring reads them. Each company's tickets come as one JSON
 * array built by Postgres (a full pass reads a million tickets: one parse per company costs a
 * fraction of decoding a million rows column by column), with times as float8 epoch milliseconds.
 * Cues are read when a ticket is stored; rows stored under older phrase lists are read again here,
 * once, and saved.
 */
export async function loadCompanyTickets(
  db: Database,
  workspaceId: string,
  companyIds: readonly number[],
): Promise<Map<number, TicketFacts[]>> {
  const rows = await db
    .select({
      companyId: crmTickets.companyId,
      tickets: sql<TicketTuple[]>`json_agg(json_build_array(${crmTickets.hubspotId}, ${epochMs(crmTickets.hsCreatedAt)},
        ${epochMs(crmTickets.closedAt)}, ${crmTickets.priority}, ${crmTickets.stage}, ${crmTickets.category},
        ${crmTickets.textCues}, ${crmTickets.textCuesVersion}))`,
    })
    .from(crmTickets)
    .where(
      and(
        eq(crmTickets.workspaceId, workspaceId),
        inArray(crmTickets.companyId, [...companyIds]),
        eq(crmTickets.archived, false),
      ),
    )
    .groupBy(crmTickets.companyId)
  const byCompany = new Map<number, TicketFacts[]>(companyIds.map((id) => [id, []]))
  const stale: TicketFacts[] = []
  for (const row of rows) {
    if (row.companyId === null) continue
    const own = byCompany.get(Number(row.companyId))
    if (!own) continue
    for (const [id, createdAt, closedAt, priority, stage, category, cues, cuesVersion] of row.tickets) {
      if (createdAt === null) continue
      const ticket: TicketFacts = {
        id: Number(id),
        createdAt,
        closedAt,
        closedWithoutDate: closedAt === null && stage === CLOSED_STAGE,
        priority: toTicketPriority(priority),
        escalated: category !== null && escalationCategories.test(category),
        cues: cues ?? {},
      }
      if (cuesVersion < TICKET_CUES_VERSION) stale.push(ticket)
      own.push(ticket)
    }
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
