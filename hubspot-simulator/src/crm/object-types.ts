import type { CrmObjectType } from './change-feed'

export const crmObjectTypes = [
  'tickets',
  'companies',
  'contacts',
  'deals',
  'tasks',
] as const satisfies readonly CrmObjectType[]

/** HubSpot's singular names, used in association type names (`ticket_to_company`) and messages. */
export const singularName: Record<CrmObjectType, string> = {
  tickets: 'ticket',
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  tasks: 'task',
}

/** HubSpot's object type ids, as in record URLs (`/record/0-5/{id}`). */
export const objectTypeId: Record<CrmObjectType, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tickets: '0-5',
  tasks: '0-27',
}

/** Contacts name their last-modified property differently from companies and tickets. */
export const lastModifiedProperty: Record<CrmObjectType, string> = {
  tickets: 'hs_lastmodifieddate',
  companies: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  tasks: 'hs_lastmodifieddate',
}

/**
 * Disjoint id ranges per type (11 digits, like real HubSpot ids): a client that mixes up a ticket id and a
 * company id gets a 404 instead of silently reading the wrong record.
 */
export const firstId: Record<CrmObjectType, number> = {
  companies: 10_000_000_001,
  contacts: 20_000_000_001,
  tickets: 30_000_000_001,
  deals: 40_000_000_001,
  tasks: 50_000_000_001,
}

/** Accepts the plural path names and the singular / type-id aliases HubSpot also routes. */
export function parseObjectType(raw: string | undefined): CrmObjectType | undefined {
  switch (raw?.toLowerCase()) {
    case 'tickets':
    case 'ticket':
    case '0-5':
      return 'tickets'
    case 'companies':
    case 'company':
    case '0-2':
      return 'companies'
    case 'contacts':
    case 'contact':
    case '0-1':
      return 'contacts'
    case 'deals':
    case 'deal':
    case '0-3':
      return 'deals'
    case 'tasks':
    case 'task':
    case '0-27':
      return 'tasks'
    default:
      return undefined
  }
}
