import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmCallError } from './crm-call-error'

/** companies → tickets, HubSpot's label "Primary": this company is the ticket's primary company. */
const PRIMARY_COMPANY_OF_TICKET = 25

const companyTicketsSchema = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: z.union([z.string(), z.number()]) }),
      to: z.array(
        z.object({
          toObjectId: z.union([z.string(), z.number()]),
          associationTypes: z.array(z.object({ typeId: z.number().int() })).optional(),
        }),
      ),
      // A company with more tickets than one row holds says so here; the rest would need another read.
      paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
    }),
  ),
})

export interface CompanyTickets {
  /** ticket id → its company (the primary one when a ticket has several). */
  companyOf: Map<string, number>
  /** Some company had more tickets than the batch answer listed: ticket ids alone are not complete. */
  truncated: boolean
}

/** The v4 association batch read from companies to their tickets, up to 100 companies. */
export function companyTicketsRequest(companyIds: readonly string[]): HubspotRequest {
  return {
    method: 'POST',
    path: '/crm/v4/associations/companies/tickets/batch/read',
    body: { inputs: companyIds.map((id) => ({ id })) },
  }
}

/** Companies without tickets come back as 207 NO_ASSOCIATIONS_FOUND errors: simply no tickets. */
export async function processCompanyTickets(response: Response): Promise<Result<CompanyTickets, CrmCallError>> {
  const companyOf = new Map<string, number>()
  const batch = await processHubspotJson(response, companyTicketsSchema)
  if (!batch.ok) return batch.error === 'not_found' ? ok({ companyOf, truncated: false }) : batch
  let truncated = false
  for (const row of batch.value.results) {
    if (row.paging?.next) truncated = true
    const company = Number(row.from.id)
    for (const link of row.to) {
      const ticket = String(link.toObjectId)
      const primary = link.associationTypes?.some((type) => type.typeId === PRIMARY_COMPANY_OF_TICKET) ?? false
      if (primary || !companyOf.has(ticket)) companyOf.set(ticket, company)
    }
  }
  return ok({ companyOf, truncated })
}

export function readCompanyTickets(
  client: HubspotClient,
  companyIds: readonly string[],
): Promise<Result<CompanyTickets, CrmCallError>> {
  return client.call(companyTicketsRequest(companyIds), processCompanyTickets)
}
