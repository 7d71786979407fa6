import { and, eq } from 'drizzle-orm'
import { syncState } from '../db/schema'
import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import { lastModifiedProperty, requestedProperties } from '../integrations/hubspot/crm/crm-object-types'
import { syncPropertiesFor } from '../revenue/sync-properties-for'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { searchObjects } from '../integrations/hubspot/crm/search-objects'
import { fetchCompanyLinks } from './fetch-company-links'
import type { SyncStateRow } from './load-sync-state'
import { assertSyncClaim } from './sync-claim'
import type { SyncContext } from './sync-context'
import { OVERLAP_MS, SEARCH_PAGE, SEARCH_RESULT_CAP } from './sync-context'
import { parseHubspotDate } from './to-crm-values'
import { upsertCrmObjects } from './upsert-crm-objects'

/**
 * Everything modified since the high-water mark (minus an overlap), oldest first. Search stops
 * at 10,000 results, so before that the window restarts from the newest time already synced.
 * The mark moves only with committed pages: a crash re-reads at most one page.
 */
export async function runIncrementalSync(
  ctx: SyncContext,
  type: CrmObjectType,
  state: SyncStateRow,
): Promise<Result<number, CrmCallError>> {
  const property = lastModifiedProperty[type]
  let since = new Date((state.highWaterMark ?? new Date(0)).getTime() - OVERLAP_MS)
  let highWaterMark = state.highWaterMark
  let after: string | undefined
  let synced = 0
  const search = (from: Date, offset: string | undefined) => {
    const request = searchObjects(ctx.client, type, {
      filters: [{ propertyName: property, operator: 'GTE', value: String(from.getTime()) }],
      sort: { propertyName: property, direction: 'ASCENDING' },
      limit: SEARCH_PAGE,
      properties: requestedProperties(type, syncPropertiesFor(ctx.revenue)),
      ...(offset ? { after: offset } : {}),
    })
    // Awaited on the next turn; a pass that stops first (a failed save) must not leave it unhandled.
    request.catch(() => undefined)
    return request
  }
  let pending = search(since, after)
  for (;;) {
    const page = await pending
    if (!page.ok) return page
    const objects = page.value.results
    const pageNewest = objects.reduce<Date | null>((newest, o) => {
      const modified = parseHubspotDate(o.properties[property] ?? o.updatedAt)
      return modified && (!newest || modified > newest) ? modified : newest
    }, null)
    // Where the next page starts is known before this one is saved: it is requested now (pipelined), so a busy
    // portal's pass waits for HubSpot once per page, not twice.
    // Search pages by offset; `total` says whether this window holds more than was read.
    const read = (after ? Number(after) : 0) + objects.length
    let more = objects.length > 0 && read < page.value.total
    if (more) {
      const next = Number(page.value.paging?.next.after ?? read)
      if (next + SEARCH_PAGE <= SEARCH_RESULT_CAP) after = String(next)
      // Re-window from the newest synced time; ties at that instant are read again, harmlessly.
      // More than 10,000 edits in one millisecond: the next run continues.
      else if (!pageNewest || pageNewest.getTime() === since.getTime()) more = false
      else {
        since = pageNewest
        after = undefined
      }
      if (more) pending = search(since, after)
    }
    const links = await fetchCompanyLinks(ctx, type, objects)
    if (!links.ok) return links
    if (pageNewest && (!highWaterMark || pageNewest > highWaterMark)) highWaterMark = pageNewest
    const now = ctx.clock.now()
    await ctx.db.transaction(async (tx) => {
      await assertSyncClaim(ctx.claim, tx)
      for (const id of await upsertCrmObjects(tx, ctx.workspaceId, type, objects, links.value, now, ctx.revenue))
        ctx.touchedCompanies.add(id)
      await tx
        .update(syncState)
        .set({ highWaterMark, lastRunAt: now, updatedAt: now })
        .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, type)))
    })
    synced += objects.length
    if (!more) return ok(synced)
  }
}
