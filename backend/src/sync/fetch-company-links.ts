import { ok } from '../lib/result'
import type { Result } from '../lib/result'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import { companyAssociation } from '../integrations/hubspot/crm/crm-object-types'
import { readCompanyAssociations } from '../integrations/hubspot/crm/read-company-associations'
import type { CrmObject } from '../integrations/hubspot/crm/crm-schemas'
import type { SyncContext, WalkedTicketLinks } from './sync-context'

/**
 * Tickets and contacts need their company; search results carry no associations, so ask v4. A first import's search
 * lanes pass `walked` (SyncContext.ticketCompanies): only tickets its walk of company→ticket associations has not seen
 * are asked about, none once the walk is complete. Later passes always ask: a link found minutes ago may have changed.
 */
export async function fetchCompanyLinks(
  ctx: SyncContext,
  type: CrmObjectType,
  objects: readonly CrmObject[],
  walked: WalkedTicketLinks = { companyOf: new Map(), complete: false },
): Promise<Result<Map<string, number>, CrmCallError>> {
  const association = companyAssociation[type]
  if (!association || objects.length === 0) return ok(new Map())
  const known = new Map<string, number>()
  const unknown: string[] = []
  for (const { id } of objects) {
    const company = type === 'tickets' ? walked.companyOf.get(id) : undefined
    if (company !== undefined) known.set(id, company)
    // A ticket created after the walk passed its company is read again by the first incremental pass (it is newer
    // than the import's start), which asks HubSpot.
    else if (!(type === 'tickets' && walked.complete)) unknown.push(id)
  }
  if (unknown.length === 0) return ok(known)
  const read = await readCompanyAssociations(ctx.client, type, unknown, association.primaryTypeId)
  if (!read.ok) return read
  for (const [id, company] of read.value) known.set(id, company)
  return ok(known)
}
