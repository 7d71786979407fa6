import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { listObjects } from '../integrations/hubspot/crm/list-objects'
import type { SyncContext } from './sync-context'
import { markArchived } from './upsert-crm-objects'

/**
 * Search never returns archived records, so deletions would go unseen between webhooks. HubSpot's
 * list API can page through archived records; mark each one archived here.
 */
export async function sweepArchived(ctx: SyncContext, type: CrmObjectType): Promise<Result<number, CrmCallError>> {
  let after: string | undefined
  let archived = 0
  for (;;) {
    const page = await listObjects(ctx.client, type, { archived: true, properties: ['hs_object_id'], after })
    if (!page.ok) return page
    const ids = page.value.results.map((o) => Number(o.id))
    await markArchived(ctx.db, ctx.workspaceId, type, ids)
    archived += ids.length
    after = page.value.paging?.next.after
    if (!after) return ok(archived)
  }
}
