import type { CrmObjectType } from './change-feed'
import type { PropertyHistoryEntry } from './property-history-entry'

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
  /**
   * Every value each property has held, oldest first, for properties written after creation (or seeded with a
   * history). Other properties have held one value since they were set; read-property-history.ts derives it.
   */
  history?: Map<string, PropertyHistoryEntry[]>
}

export function readProperty(record: CrmRecord, name: string): string | null {
  return Object.hasOwn(record.properties, name) ? (record.properties[name] ?? null) : null
}
