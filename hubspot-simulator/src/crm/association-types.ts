import type { CrmObjectType } from './change-feed'
import { singularName } from './object-types'

/** HubSpot-defined association type ids for one direction (NODE src/enums/AssociationTypes.ts). */
export interface AssociationSpec {
  defaultTypeId: number
  /** Only "to company" directions (and their inverses) have a primary label. */
  primaryTypeId?: number
}

const specs: Partial<Record<`${CrmObjectType}->${CrmObjectType}`, AssociationSpec>> = {
  'tickets->companies': { defaultTypeId: 339, primaryTypeId: 26 },
  'companies->tickets': { defaultTypeId: 340, primaryTypeId: 25 },
  'contacts->companies': { defaultTypeId: 279, primaryTypeId: 1 },
  'companies->contacts': { defaultTypeId: 280, primaryTypeId: 2 },
  'tickets->contacts': { defaultTypeId: 16 },
  'contacts->tickets': { defaultTypeId: 15 },
  'deals->companies': { defaultTypeId: 341, primaryTypeId: 5 },
  'companies->deals': { defaultTypeId: 342, primaryTypeId: 6 },
  // Tasks (facts §G): no primary label; the inverse ids are what v4 lists from the company's side.
  'tasks->companies': { defaultTypeId: 192 },
  'companies->tasks': { defaultTypeId: 191 },
  'tasks->contacts': { defaultTypeId: 204 },
  'contacts->tasks': { defaultTypeId: 203 },
  'tasks->deals': { defaultTypeId: 216 },
  'deals->tasks': { defaultTypeId: 215 },
  'tasks->tickets': { defaultTypeId: 230 },
  'tickets->tasks': { defaultTypeId: 229 },
}

export function associationSpec(from: CrmObjectType, to: CrmObjectType): AssociationSpec | undefined {
  return specs[`${from}->${to}`]
}

/** `ticket_to_company`: v3's `associations.*.results[].type`; webhooks use the upper-case form. */
export function associationName(from: CrmObjectType, to: CrmObjectType): string {
  return `${singularName[from]}_to_${singularName[to]}`
}

export function isPrimaryTypeId(from: CrmObjectType, to: CrmObjectType, typeId: number): boolean {
  return associationSpec(from, to)?.primaryTypeId === typeId
}

/** v4's `associationTypes[]` entry; the default (unlabelled) type has label null, the primary one "Primary". */
export function describeAssociationType(
  from: CrmObjectType,
  to: CrmObjectType,
  typeId: number,
): { category: 'HUBSPOT_DEFINED'; typeId: number; label: string | null } {
  return { category: 'HUBSPOT_DEFINED', typeId, label: isPrimaryTypeId(from, to, typeId) ? 'Primary' : null }
}
