import type { CrmObjectType } from './change-feed'
import type { CrmRecord } from './crm-record'
import { firstId } from './object-types'

/**
 * One object type of one portal. Active and archived records live in separate id-sorted arrays, so list paging
 * is a binary search whatever the archived share; `byId` serves reads in O(1).
 */
export interface ObjectStore {
  objectType: CrmObjectType
  byId: Map<string, CrmRecord>
  active: CrmRecord[]
  archived: CrmRecord[]
  /** merged-away id → the id it was merged into (may itself have been merged later; see resolveId). */
  mergedInto: Map<string, string>
  nextId: number
}

export function createObjectStore(objectType: CrmObjectType): ObjectStore {
  return { objectType, byId: new Map(), active: [], archived: [], mergedInto: new Map(), nextId: firstId[objectType] }
}

/** Follows merges: HubSpot answers a merged-away id with the surviving record. */
export function resolveId(store: ObjectStore, id: string): string {
  let current = id
  for (let hops = 0; hops < 100; hops++) {
    const next = store.mergedInto.get(current)
    if (next === undefined) return current
    current = next
  }
  return current
}

/** The record behind `id` (after merges) if it is in the requested archived state. */
export function findRecord(store: ObjectStore, id: string, archived = false): CrmRecord | undefined {
  const record = store.byId.get(resolveId(store, id))
  return record && record.archived === archived ? record : undefined
}
