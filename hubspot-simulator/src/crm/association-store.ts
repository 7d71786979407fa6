import type { CrmObjectType } from './change-feed'
import { associationSpec } from './association-types'

/**
 * Both directions are stored explicitly: `${fromType}:${fromId}:${toType}` → (toId → type ids). Reading one
 * object's associations is then one map lookup, whichever side the caller starts from.
 */
export interface AssociationStore {
  edges: Map<string, Map<string, number[]>>
}

export function createAssociationStore(): AssociationStore {
  return { edges: new Map() }
}

function edgeKey(fromType: CrmObjectType, fromId: string, toType: CrmObjectType): string {
  return `${fromType}:${fromId}:${toType}`
}

/** toId → type ids of one object's associations to `toType` (empty map if none). */
export function associationsOf(
  store: AssociationStore,
  fromType: CrmObjectType,
  fromId: string,
  toType: CrmObjectType,
): ReadonlyMap<string, readonly number[]> {
  return store.edges.get(edgeKey(fromType, fromId, toType)) ?? new Map()
}

function addTypeIds(
  store: AssociationStore,
  fromType: CrmObjectType,
  fromId: string,
  toType: CrmObjectType,
  toId: string,
  typeIds: readonly number[],
): void {
  const key = edgeKey(fromType, fromId, toType)
  let targets = store.edges.get(key)
  if (!targets) {
    targets = new Map()
    store.edges.set(key, targets)
  }
  const current = targets.get(toId)
  // The common case (a new link) skips the merge; generating 100,000 tickets makes 400,000 of these.
  const merged = current ? [...new Set([...current, ...typeIds])] : [...typeIds]
  targets.set(
    toId,
    merged.sort((a, b) => a - b),
  )
}

function removeTypeId(
  store: AssociationStore,
  fromType: CrmObjectType,
  fromId: string,
  toType: CrmObjectType,
  toId: string,
  typeId: number,
): void {
  const targets = store.edges.get(edgeKey(fromType, fromId, toType))
  const current = targets?.get(toId)
  if (!targets || !current) return
  const remaining = current.filter((id) => id !== typeId)
  if (remaining.length > 0) targets.set(toId, remaining)
  else targets.delete(toId)
}

export interface AssociateInput {
  fromType: CrmObjectType
  fromId: string
  toType: CrmObjectType
  toId: string
  /** Also the primary association (only for directions that have one); the previous primary loses the label. */
  primary?: boolean
}

/**
 * Links two records in both directions with the default type (and the primary one when asked).
 * Returns false for a pair HubSpot has no default association for.
 */
export function associate(store: AssociationStore, input: AssociateInput): boolean {
  const spec = associationSpec(input.fromType, input.toType)
  const inverse = associationSpec(input.toType, input.fromType)
  if (!spec || !inverse) return false
  const forward = [spec.defaultTypeId]
  const backward = [inverse.defaultTypeId]
  if (input.primary && spec.primaryTypeId !== undefined && inverse.primaryTypeId !== undefined) {
    // The one-primary rule belongs to the ticket/contact/deal side, whichever direction the caller wrote.
    if (input.toType === 'companies')
      demotePrimary(store, input.fromType, input.fromId, input.toType, spec.primaryTypeId, inverse.primaryTypeId)
    else demotePrimary(store, input.toType, input.toId, input.fromType, inverse.primaryTypeId, spec.primaryTypeId)
    forward.push(spec.primaryTypeId)
    backward.push(inverse.primaryTypeId)
  }
  addTypeIds(store, input.fromType, input.fromId, input.toType, input.toId, forward)
  addTypeIds(store, input.toType, input.toId, input.fromType, input.fromId, backward)
  return true
}

/** A ticket, contact or deal has at most one primary company. */
function demotePrimary(
  store: AssociationStore,
  fromType: CrmObjectType,
  fromId: string,
  toType: CrmObjectType,
  primaryTypeId: number,
  inversePrimaryTypeId: number,
): void {
  const targets = store.edges.get(edgeKey(fromType, fromId, toType))
  if (!targets) return
  for (const [toId, typeIds] of [...targets]) {
    if (!typeIds.includes(primaryTypeId)) continue
    removeTypeId(store, fromType, fromId, toType, toId, primaryTypeId)
    removeTypeId(store, toType, toId, fromType, fromId, inversePrimaryTypeId)
  }
}

/** Removes every association type between the two records, both directions. Returns whether any existed. */
export function dissociate(
  store: AssociationStore,
  fromType: CrmObjectType,
  fromId: string,
  toType: CrmObjectType,
  toId: string,
): boolean {
  const existed = associationsOf(store, fromType, fromId, toType).has(toId)
  store.edges.get(edgeKey(fromType, fromId, toType))?.delete(toId)
  store.edges.get(edgeKey(toType, toId, fromType))?.delete(fromId)
  return existed
}

/** The primary company (or the first one) of a ticket or contact. */
export function primaryAssociation(
  store: AssociationStore,
  fromType: CrmObjectType,
  fromId: string,
  toType: CrmObjectType,
): string | undefined {
  const primaryTypeId = associationSpec(fromType, toType)?.primaryTypeId
  let first: string | undefined
  for (const [toId, typeIds] of associationsOf(store, fromType, fromId, toType)) {
    if (primaryTypeId !== undefined && typeIds.includes(primaryTypeId)) return toId
    first ??= toId
  }
  return first
}
