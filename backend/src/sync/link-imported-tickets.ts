import { and, asc, eq, gt, gte, isNull, sql } from 'drizzle-orm'
import { crmTickets } from '../db/schema'
import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { companyAssociation } from '../integrations/hubspot/crm/crm-object-types'
import {
  ASSOCIATION_BATCH_READ_SIZE,
  readCompanyAssociations,
} from '../integrations/hubspot/crm/read-company-associations'
import { assertSyncClaim } from './sync-claim'
import type { SyncContext } from './sync-context'

/** Tickets taken per round: a few association reads' worth, one UPDATE. */
const ROUND = 5 * ASSOCIATION_BATCH_READ_SIZE

/**
 * The last step of a first ticket import: every ticket it stored without a company gets one. Search pages carry no
 * associations, and asking v4 for each page's 200 tickets as it arrives spent a tenth of the import's 10-second
 * budget on links the association lane's walk finds anyway (`ctx.ticketCompanies`). So search lanes store what the
 * walk has not seen yet without a company, and this pass fills them in: from the walk where it saw them, otherwise
 * from v4 in reads of 1,000, and the ones HubSpot links to nothing stay without.
 *
 * Idempotent and resumable: it reads the database, not memory, so a run resumed after a crash (whose walk is gone)
 * asks v4 for all of them. A link a webhook stored meanwhile is never overwritten. Answers how many it linked.
 */
export async function linkImportedTickets(
  ctx: SyncContext,
  importStartedAt: Date,
): Promise<Result<number, CrmCallError>> {
  const primaryTypeId = companyAssociation.tickets!.primaryTypeId
  let after = 0
  let linked = 0
  for (;;) {
    const unplaced = await ctx.db
      .select({ id: crmTickets.hubspotId })
      .from(crmTickets)
      .where(
        and(
          eq(crmTickets.workspaceId, ctx.workspaceId),
          isNull(crmTickets.companyId),
          gte(crmTickets.syncedAt, importStartedAt),
          eq(crmTickets.archived, false),
          gt(crmTickets.hubspotId, after),
        ),
      )
      .orderBy(asc(crmTickets.hubspotId))
      .limit(ROUND)
    if (unplaced.length === 0) return ok(linked)
    after = unplaced[unplaced.length - 1]!.id
    const companyOf = new Map<number, number>()
    const ask: string[] = []
    for (const { id } of unplaced) {
      const walked = ctx.ticketCompanies.get(String(id))
      if (walked === undefined) ask.push(String(id))
      else companyOf.set(id, walked)
    }
    if (ask.length > 0) {
      const read = await readCompanyAssociations(ctx.client, 'tickets', ask, primaryTypeId)
      if (!read.ok) return read
      for (const [id, company] of read.value) companyOf.set(Number(id), company)
    }
    if (companyOf.size === 0) continue
    const document = JSON.stringify([...companyOf].map(([ticket, company]) => ({ ticket, company })))
    await ctx.db.transaction(async (tx) => {
      await assertSyncClaim(ctx.claim, tx)
      await tx.execute(sql`
        update ${crmTickets} set company_id = links.company
        from jsonb_to_recordset(${document}::jsonb) as links(ticket bigint, company bigint)
        where ${crmTickets.workspaceId} = ${ctx.workspaceId} and ${crmTickets.hubspotId} = links.ticket
          and ${crmTickets.companyId} is null`)
    })
    for (const company of companyOf.values()) ctx.touchedCompanies.add(company)
    linked += companyOf.size
  }
}
