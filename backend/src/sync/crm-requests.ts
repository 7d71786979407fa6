import type { HubspotClient, HubspotCallError } from '../integrations/hubspot/client/hubspot-client'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import type { CrmObjectType } from './crm-object-types'
import { syncedProperties } from './crm-object-types'
import type { CrmObject } from './crm-schemas'
import { associationBatchSchema, batchReadSchema, searchPageSchema } from './crm-schemas'

export type CrmError = HubspotCallError | 'not_found'

export interface SearchRequest {
  filters: { propertyName: string; operator: string; value?: string }[]
  sort: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }
  limit: number
  after?: string
}

/** CRM search: one filter group, one sort (HubSpot allows only one), on the search budget. */
export async function searchObjects(client: HubspotClient, type: CrmObjectType, request: SearchRequest) {
  return client.json(`/crm/v3/objects/${type}/search`, searchPageSchema, {
    method: 'POST',
    budget: 'search',
    body: {
      filterGroups: request.filters.length > 0 ? [{ filters: request.filters }] : [],
      sorts: [request.sort],
      properties: syncedProperties[type],
      limit: request.limit,
      ...(request.after ? { after: request.after } : {}),
    },
  })
}

/** Reads up to 100 objects by id; ids HubSpot no longer has come back missing (207), not as failures. */
export async function batchReadObjects(client: HubspotClient, type: CrmObjectType, ids: readonly string[]): Promise<Result<CrmObject[], CrmError>> {
  if (ids.length === 0) return ok([])
  const result = await client.json(`/crm/v3/objects/${type}/batch/read`, batchReadSchema, {
    method: 'POST',
    body: { inputs: ids.map((id) => ({ id })), properties: syncedProperties[type] },
  })
  return result.ok ? ok(result.value.results) : result
}

/** from-id → company id, preferring HubSpot's primary association. */
export async function readCompanyAssociations(client: HubspotClient, from: CrmObjectType, ids: readonly string[], primaryTypeId: number): Promise<Result<Map<string, number>, CrmError>> {
  const companies = new Map<string, number>()
  const chunks: string[][] = []
  for (let start = 0; start < ids.length; start += 100) chunks.push(ids.slice(start, start + 100))
  // Chunks go out together; the portal budget, not this loop, decides how fast.
  const results = await Promise.all(chunks.map((chunk) => client.json(`/crm/v4/associations/${from}/companies/batch/read`, associationBatchSchema, {
    method: 'POST',
    body: { inputs: chunk.map((id) => ({ id })) },
  })))
  for (const result of results) {
    if (!result.ok) {
      if (result.error === 'not_found') continue
      return err(result.error)
    }
    for (const row of result.value.results) {
      const primary = row.to.find((t) => t.associationTypes?.some((a) => a.typeId === primaryTypeId)) ?? row.to[0]
      if (primary) companies.set(String(row.from.id), Number(primary.toObjectId))
    }
  }
  return ok(companies)
}
