import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmObjectType } from './crm-object-types'
import { syncedProperties } from './crm-object-types'
import { searchPageSchema } from './crm-schemas'

export interface ObjectSearch {
  filters: { propertyName: string; operator: string; value?: string }[]
  sort: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }
  limit: number
  after?: string
  /** The properties to read; the synced ones when left out. */
  properties?: readonly string[]
}

/** CRM search: one filter group, one sort (HubSpot allows only one), on the search budget. */
export function searchObjectsRequest(type: CrmObjectType, search: ObjectSearch): HubspotRequest {
  return {
    method: 'POST',
    path: `/crm/v3/objects/${type}/search`,
    budget: 'search',
    body: {
      filterGroups: search.filters.length > 0 ? [{ filters: search.filters }] : [],
      sorts: [search.sort],
      properties: search.properties ?? syncedProperties[type],
      limit: search.limit,
      ...(search.after ? { after: search.after } : {}),
    },
  }
}

export const processSearchPage = (response: Response) => processHubspotJson(response, searchPageSchema)

export function searchObjects(client: HubspotClient, type: CrmObjectType, search: ObjectSearch) {
  return client.call(searchObjectsRequest(type, search), processSearchPage)
}
