import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmObjectType } from './crm-object-types'
import { listPageSchema } from './crm-schemas'

export interface ObjectListing {
  properties: readonly string[]
  /** The cursor from the previous page. */
  after?: string | null
  /** HubSpot lists either live records or archived ones, never both. */
  archived?: boolean
  /** Each record's companies inline (the list API's `associations`), so no separate read is needed. */
  withCompanies?: boolean
}

/** One page of the list API (100 records), in id order, paged by cursor. */
export function listObjectsRequest(type: CrmObjectType, listing: ObjectListing): HubspotRequest {
  const query = new URLSearchParams({ limit: '100', properties: listing.properties.join(',') })
  if (listing.archived) query.set('archived', 'true')
  if (listing.withCompanies) query.set('associations', 'companies')
  if (listing.after) query.set('after', listing.after)
  return { method: 'GET', path: `/crm/v3/objects/${type}?${query}` }
}

export const processListPage = (response: Response) => processHubspotJson(response, listPageSchema)

export function listObjects(client: HubspotClient, type: CrmObjectType, listing: ObjectListing) {
  return client.call(listObjectsRequest(type, listing), processListPage)
}
