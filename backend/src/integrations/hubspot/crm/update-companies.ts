import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import type { CrmCallError } from './crm-call-error'

export interface CompanyUpdate {
  id: number
  properties: Record<string, string>
}

const batchResult = z.object({ results: z.array(z.object({ id: z.string() })).optional() }).loose()

/** Up to 100 companies' property values in one batch. */
export function updateCompaniesRequest(updates: readonly CompanyUpdate[]): HubspotRequest {
  return {
    method: 'POST',
    path: '/crm/v3/objects/companies/batch/update',
    body: { inputs: updates.map((u) => ({ id: String(u.id), properties: u.properties })) },
  }
}

/**
 * The ids HubSpot updated. A 207 updated some and refused the rest (deleted meanwhile); a body we
 * cannot read is taken as nothing updated rather than a failure, since the request did reach HubSpot.
 */
export async function processCompaniesUpdate(response: Response): Promise<Result<Set<number>, CrmCallError>> {
  if (response.status === 403) return err('forbidden')
  if (response.status === 404) return err('not_found')
  if (!response.ok && response.status !== 207) return err('hubspot_invalid_response')
  const body = batchResult.safeParse(await response.json().catch(() => null))
  return ok(new Set((body.success ? (body.data.results ?? []) : []).map((r) => Number(r.id))))
}

export function updateCompanies(
  client: HubspotClient,
  updates: readonly CompanyUpdate[],
): Promise<Result<Set<number>, CrmCallError>> {
  return client.call(updateCompaniesRequest(updates), processCompaniesUpdate)
}
