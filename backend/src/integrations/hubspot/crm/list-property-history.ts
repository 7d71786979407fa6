import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmCallError } from './crm-call-error'

/** HubSpot's ValueWithTimestamp; only value and time matter here. A cleared property has an empty value. */
const historyEntrySchema = z.object({ value: z.string().nullable().optional(), timestamp: z.iso.datetime() })

const historyPageSchema = z.object({
  results: z.array(
    z.object({
      id: z.string().regex(/^\d+$/),
      propertiesWithHistory: z.record(z.string(), z.array(historyEntrySchema)).optional(),
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }) }).optional(),
})

export interface CompanyPropertyHistory {
  companyId: number
  /** Every value the property had, with when it was set (epoch ms), in no particular order. */
  entries: { value: string; timestamp: number }[]
}

export interface PropertyHistoryPage {
  companies: CompanyPropertyHistory[]
  /** The cursor for the next page; null on the last one. */
  after: string | null
}

/** HubSpot serves at most 50 records per page when history is asked for (a larger limit is a 400). */
export const HISTORY_PAGE_SIZE = 50

/** One page of companies with one property's change history. */
export function listPropertyHistoryRequest(property: string, after: string | null): HubspotRequest {
  const query = new URLSearchParams({
    limit: String(HISTORY_PAGE_SIZE),
    properties: property,
    propertiesWithHistory: property,
  })
  if (after) query.set('after', after)
  return { method: 'GET', path: `/crm/v3/objects/companies?${query}` }
}

export async function processPropertyHistoryPage(
  response: Response,
  property: string,
): Promise<Result<PropertyHistoryPage, CrmCallError>> {
  const page = await processHubspotJson(response, historyPageSchema)
  if (!page.ok) return page
  return ok({
    companies: page.value.results.map((company) => ({
      companyId: Number(company.id),
      entries: (company.propertiesWithHistory?.[property] ?? []).map((entry) => ({
        value: entry.value ?? '',
        timestamp: Date.parse(entry.timestamp),
      })),
    })),
    after: page.value.paging?.next.after ?? null,
  })
}

export function listPropertyHistoryPage(client: HubspotClient, property: string, after: string | null) {
  return client.call(listPropertyHistoryRequest(property, after), (response) =>
    processPropertyHistoryPage(response, property),
  )
}
