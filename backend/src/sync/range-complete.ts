import { and, count, eq, gt, lte } from 'drizzle-orm'
import { crmTickets } from '../db/schema'
import { searchObjects } from '../integrations/hubspot/crm/search-objects'
import type { SyncContext } from './sync-context'

/** Every live ticket search knows in the range is stored (search's total is the count, one cheap request). */
export async function rangeComplete(ctx: SyncContext, lane: { from: number; to: number }): Promise<boolean> {
  const total = await searchObjects(ctx.client, 'tickets', {
    filters: [
      { propertyName: 'hs_object_id', operator: 'GT', value: String(lane.from) },
      { propertyName: 'hs_object_id', operator: 'LTE', value: String(lane.to) },
    ],
    sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' },
    limit: 1,
  })
  if (!total.ok) return false
  const [stored] = await ctx.db
    .select({ n: count() })
    .from(crmTickets)
    .where(
      and(
        eq(crmTickets.workspaceId, ctx.workspaceId),
        gt(crmTickets.hubspotId, lane.from),
        lte(crmTickets.hubspotId, lane.to),
        eq(crmTickets.archived, false),
      ),
    )
  return (stored?.n ?? 0) >= total.value.total
}
