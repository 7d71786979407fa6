import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmCallError } from './crm-call-error'

const dealPageSchema = z.object({
  results: z.array(
    z.object({
      id: z.string().regex(/^\d+$/),
      properties: z.record(z.string(), z.string().nullable()),
      associations: z
        .record(z.string(), z.object({ results: z.array(z.object({ id: z.string(), type: z.string() })) }))
        .optional(),
    }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }) }).optional(),
})

export interface DealWithCompanies {
  dealId: number
  pipelineId: string | null
  stageId: string | null
  /** Epoch ms; null when the deal has no close date. */
  closedAt: number | null
  /** `amount` in the portal's currency; null when empty (missing, never 0). */
  amount: number | null
  companyIds: number[]
}

export interface DealPage {
  deals: DealWithCompanies[]
  after: string | null
}

/** HubSpot's close date: ISO text in API v3, epoch ms from older integrations; anything else is no date. */
function parseCloseDate(value: string | null | undefined): number | null {
  if (!value) return null
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value)
  return Number.isFinite(time) ? time : null
}

/** HubSpot's amount: a decimal string; empty or unreadable is no amount, not zero. */
function parseDealAmount(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const amount = Number(value)
  return Number.isFinite(amount) ? amount : null
}

/** One page of deals with their stage, close date, amount and companies (inline associations, no extra call). */
export function listDealsRequest(after: string | null): HubspotRequest {
  const query = new URLSearchParams({
    limit: '100',
    properties: 'pipeline,dealstage,closedate,amount',
    associations: 'companies',
  })
  if (after) query.set('after', after)
  return { method: 'GET', path: `/crm/v3/objects/deals?${query}` }
}

export async function processDealPage(response: Response): Promise<Result<DealPage, CrmCallError>> {
  const page = await processHubspotJson(response, dealPageSchema)
  if (!page.ok) return page
  return ok({
    deals: page.value.results.map((deal) => ({
      dealId: Number(deal.id),
      pipelineId: deal.properties.pipeline ?? null,
      stageId: deal.properties.dealstage ?? null,
      closedAt: parseCloseDate(deal.properties.closedate),
      amount: parseDealAmount(deal.properties.amount),
      // Labelled and unlabelled associations both name the company: each id once.
      companyIds: [
        ...new Set((deal.associations?.companies?.results ?? []).map((c) => Number(c.id)).filter(Number.isSafeInteger)),
      ],
    })),
    after: page.value.paging?.next.after ?? null,
  })
}

export function listDealsPage(client: HubspotClient, after: string | null) {
  return client.call(listDealsRequest(after), processDealPage)
}
