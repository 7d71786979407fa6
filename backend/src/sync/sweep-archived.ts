import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmObjectType } from './crm-object-types'
import type { CrmError } from './crm-requests'
import { listPageSchema } from './crm-schemas'
import type { SyncContext } from './sync-context'
import { markArchived } from './upsert-crm-objects'

/**
 * Search never returns archived records, so deletions would go unseen between webhooks. HubSpot's
 * list API can page through archived records; mark each one archived here.
 */
export async function sweepArchived(ctx: SyncContext, type: CrmObjectType): Promise<Result<number, CrmError>> {
  let after: string | undefined
  let archived = 0
  for (;;) {
    const query = new URLSearchParams({ archived: 'true', limit: '100', properties: 'hs_object_id' })
    if (after) query.set('after', after)
    const page = await ctx.client.json(`/crm/v3/objects/${type}?${query}`, listPageSchema)
    if (!page.ok) return page
    const ids = page.value.results.map((o) => Number(o.id))
    await markArchived(ctx.db, ctx.workspaceId, type, ids)
    archived += ids.length
    after = page.value.paging?.next.after
    if (!after) return ok(archived)
  }
}
