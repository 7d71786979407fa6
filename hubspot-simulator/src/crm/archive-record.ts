import type { Result } from '../result'
import { err, ok } from '../result'
import type { CrmObjectType } from './change-feed'
import type { CrmRecord } from './crm-record'
import type { CrmWriteContext } from './crm-write-context'
import type { CrmWriteError } from './crm-write-error'
import { notFoundError } from './crm-write-error'
import { findRecord } from './object-store'
import { insertSorted, removeSorted } from './sorted-records'

/** DELETE = archive (HubSpot's recycle bin): hidden from list/read/search, listed with `archived=true`. */
export function archiveRecord(
  ctx: CrmWriteContext,
  objectType: CrmObjectType,
  id: string,
): Result<CrmRecord, CrmWriteError> {
  const store = ctx.portal.objects[objectType]
  const record = findRecord(store, id)
  if (!record) return err(notFoundError(id))
  record.archived = true
  record.archivedAt = ctx.now
  removeSorted(store.active, record)
  insertSorted(store.archived, record)
  ctx.changes.publish({
    kind: 'deletion',
    objectType,
    portalId: ctx.portal.portalId,
    objectId: record.id,
    occurredAt: ctx.now,
    changeSource: ctx.changeSource,
  })
  return ok(record)
}

/** Brings an archived record back, as restoring from the recycle bin does. */
export function restoreRecord(
  ctx: CrmWriteContext,
  objectType: CrmObjectType,
  id: string,
): Result<CrmRecord, CrmWriteError> {
  const store = ctx.portal.objects[objectType]
  const record = findRecord(store, id, true)
  if (!record) return err(notFoundError(id))
  record.archived = false
  record.archivedAt = null
  removeSorted(store.archived, record)
  insertSorted(store.active, record)
  ctx.changes.publish({
    kind: 'restore',
    objectType,
    portalId: ctx.portal.portalId,
    objectId: record.id,
    occurredAt: ctx.now,
    changeSource: ctx.changeSource,
  })
  return ok(record)
}
