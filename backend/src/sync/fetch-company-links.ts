import { ok } from '../lib/result'
import type { Result } from '../lib/result'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import { companyAssociation } from '../integrations/hubspot/crm/crm-object-types'
import { readCompanyAssociations } from '../integrations/hubspot/crm/read-company-associations'
import type { CrmObject } from '../integrations/hubspot/crm/crm-schemas'
import type { SyncContext } from './sync-context'

/**
 * Tickets and contacts need their company; search results carry no associations, so ask v4. (A first import's ticket
 * search lanes do not: see link-imported-tickets.ts.)
 */
export async function fetchCompanyLinks(
  ctx: SyncContext,
  type: CrmObjectType,
  objects: readonly CrmObject[],
): Promise<Result<Map<string, number>, CrmCallError>> {
  const association = companyAssociation[type]
  if (!association || objects.length === 0) return ok(new Map())
  return readCompanyAssociations(
    ctx.client,
    type,
    objects.map((o) => o.id),
    association.primaryTypeId,
  )
}
