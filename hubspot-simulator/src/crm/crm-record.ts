import type { CrmObjectType } from './change-feed'

/**
 * One stored CRM object. `properties` holds only set values (a missing key reads as null) and always mirrors
 * `hs_object_id`, `createdate` and the last-modified property as strings, the way HubSpot returns them.
 */
export interface CrmRecord {
  id: string
  /** `Number(id)`, kept for ordering and id-range filters without re-parsing. */
  numericId: number
  objectType: CrmObjectType
  properties: Record<string, string>
  createdAt: number
  updatedAt: number
  archived: boolean
  archivedAt: number | null
}

export function readProperty(record: CrmRecord, name: string): string | null {
  return Object.hasOwn(record.properties, name) ? (record.properties[name] ?? null) : null
}
