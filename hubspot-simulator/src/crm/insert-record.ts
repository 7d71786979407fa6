import type { CrmObjectType } from './change-feed'
import type { CrmRecord } from './crm-record'
import type { ObjectStore } from './object-store'
import { lastModifiedProperty } from './object-types'

/**
 * Allocates the next id and stores a new active record with HubSpot's system properties filled in.
 * No validation and no events: callers (create-record, the data loader) do those.
 */
export function insertRecord(
  store: ObjectStore,
  properties: Record<string, string>,
  createdAt: number,
  updatedAt: number,
): CrmRecord {
  const numericId = store.nextId++
  const id = String(numericId)
  const objectType: CrmObjectType = store.objectType
  properties.hs_object_id = id
  properties.createdate = new Date(createdAt).toISOString()
  properties[lastModifiedProperty[objectType]] = new Date(updatedAt).toISOString()
  const record: CrmRecord = {
    id,
    numericId,
    objectType,
    properties,
    createdAt,
    updatedAt,
    archived: false,
    archivedAt: null,
  }
  store.byId.set(id, record)
  // Ids only grow, so pushing keeps `active` sorted.
  store.active.push(record)
  return record
}
