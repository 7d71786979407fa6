import type { Result } from '../result'
import { err, ok } from '../result'
import { applyPropertyChanges } from './apply-property-changes'
import { associate, associationsOf, dissociate } from './association-store'
import { associationSpec } from './association-types'
import type { CrmObjectType } from './change-feed'
import type { CrmRecord } from './crm-record'
import type { CrmWriteContext } from './crm-write-context'
import type { CrmWriteError } from './crm-write-error'
import { notFoundError } from './crm-write-error'
import { crmObjectTypes, lastModifiedProperty } from './object-types'
import { findRecord } from './object-store'
import { removeSorted } from './sorted-records'

const systemProperties = new Set([
  'hs_object_id',
  'createdate',
  'hs_lastmodifieddate',
  'lastmodifieddate',
  'hs_merged_object_ids',
])

/**
 * Merges `mergedId` into `primaryId`: the primary keeps its id and values, takes over the merged record's
 * associations and any values it lacks, and lists the merged id in `hs_merged_object_ids`. From then on the
 * merged id resolves to the primary everywhere (read, batch read, associations), as in HubSpot.
 */
export function mergeRecords(
  ctx: CrmWriteContext,
  objectType: CrmObjectType,
  primaryId: string,
  mergedId: string,
): Result<CrmRecord, CrmWriteError> {
  const store = ctx.portal.objects[objectType]
  const primary = findRecord(store, primaryId)
  if (!primary) return err(notFoundError(primaryId))
  const merged = findRecord(store, mergedId)
  if (!merged) return err(notFoundError(mergedId))
  if (primary === merged) return err({ category: 'VALIDATION_ERROR', message: 'Cannot merge an object with itself.' })

  moveAssociations(ctx, objectType, merged.id, primary.id)
  const inherited: Record<string, string | null> = {}
  for (const [name, value] of Object.entries(merged.properties)) {
    if (!systemProperties.has(name) && primary.properties[name] === undefined) inherited[name] = value
  }
  const mergedIds = [primary.properties.hs_merged_object_ids, merged.properties.hs_merged_object_ids, merged.id].filter(
    (ids) => ids !== undefined && ids !== '',
  )
  inherited.hs_merged_object_ids = mergedIds.join(';')
  applyPropertyChanges(ctx, primary, inherited)
  primary.properties[lastModifiedProperty[objectType]] = new Date(ctx.now).toISOString()
  primary.updatedAt = ctx.now

  removeSorted(store.active, merged)
  store.byId.delete(merged.id)
  store.mergedInto.set(merged.id, primary.id)
  ctx.changes.publish({
    kind: 'merge',
    objectType,
    portalId: ctx.portal.portalId,
    primaryObjectId: primary.id,
    mergedObjectIds: [merged.id],
    newObjectId: primary.id,
    occurredAt: ctx.now,
    changeSource: ctx.changeSource,
  })
  return ok(primary)
}

/**
 * Associations move to the survivor. Merging tickets/contacts: the survivor keeps its own primary company and
 * takes the merged one's only if it had none. Merging companies: records whose primary was the merged company
 * now have the survivor as primary.
 */
function moveAssociations(ctx: CrmWriteContext, objectType: CrmObjectType, fromId: string, toId: string): void {
  const store = ctx.portal.associations
  for (const otherType of crmObjectTypes) {
    const spec = associationSpec(objectType, otherType)
    if (!spec) continue
    const hadPrimary =
      objectType !== 'companies' &&
      spec.primaryTypeId !== undefined &&
      [...associationsOf(store, objectType, toId, otherType).values()].some((ids) =>
        ids.includes(spec.primaryTypeId ?? -1),
      )
    for (const [otherId, typeIds] of [...associationsOf(store, objectType, fromId, otherType)]) {
      const wasPrimary = spec.primaryTypeId !== undefined && typeIds.includes(spec.primaryTypeId)
      dissociate(store, objectType, fromId, otherType, otherId)
      associate(store, {
        fromType: objectType,
        fromId: toId,
        toType: otherType,
        toId: otherId,
        primary: wasPrimary && !hadPrimary,
      })
    }
  }
}
