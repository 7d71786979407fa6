import { ok } from '../lib/result'
import type { Result } from '../lib/result'
import type { CrmError } from './crm-requests'
import { readCompanyAssociations } from './crm-requests'
import type { CrmObjectType } from './crm-object-types'
import { companyAssociation } from './crm-object-types'
import type { CrmObject } from './crm-schemas'
import type { SyncContext } from './sync-context'

/** Tickets and contacts need their company; search results carry no associations, so ask v4. */
export async function fetchCompanyLinks(ctx: SyncContext, type: CrmObjectType, objects: readonly CrmObject[]): Promise<Result<Map<string, number>, CrmError>> {
  const association = companyAssociation[type]
  if (!association || objects.length === 0) return ok(new Map())
  return readCompanyAssociations(ctx.client, type, objects.map((o) => o.id), association.primaryTypeId)
}
