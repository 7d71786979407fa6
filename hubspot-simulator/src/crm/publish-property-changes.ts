import type { CrmWriteContext } from './crm-write-context'
import type { CrmRecord } from './crm-record'
import { lastModifiedProperty } from './object-types'

/** One propertyChange per changed value. Last-modified dates can't be subscribed to in HubSpot, so they never publish. */
export function publishPropertyChanges(
  ctx: CrmWriteContext,
  record: CrmRecord,
  changed: readonly [string, string | null][],
): void {
  for (const [propertyName, propertyValue] of changed) {
    if (propertyName === lastModifiedProperty[record.objectType] || propertyName === 'hs_object_id') continue
    ctx.changes.publish({
      kind: 'propertyChange',
      objectType: record.objectType,
      portalId: ctx.portal.portalId,
      objectId: record.id,
      propertyName,
      propertyValue,
      occurredAt: ctx.now,
      changeSource: ctx.changeSource,
    })
  }
}
