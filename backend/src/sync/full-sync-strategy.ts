import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'

/**
 * How the first full pass reads each type. Tickets (the bulk) page through search in keyset lanes,
 * on search's own 5-per-second budget, and a large import reads its lowest ids through
 * company→ticket associations and batch reads (run-association-lane.ts); companies and contacts page
 * through the list API (contacts with their company inline), on the 10-second budget that the ticket
 * association reads share. Running both budgets at once is what makes a first import fast.
 */
export const fullSyncStrategy: Record<CrmObjectType, 'search-lanes' | 'list'> = {
  companies: 'list',
  contacts: 'list',
  tickets: 'search-lanes',
}
