import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmCallError } from './crm-call-error'
import type { CrmObjectType } from './crm-object-types'
import { associationBatchSchema } from './crm-schemas'

/**
 * HubSpot's v4 association batch read takes up to 1,000 inputs (raised from 100 on 2025-02-10:
 * https://developers.hubspot.com/changelog/bug-fix-batch-read-limit-for-hubspot-associations-api).
 * One request per search page of 200 tickets, not two, is a third of a first import's 10-second budget.
 */
export const ASSOCIATION_BATCH_READ_SIZE = 1000

/** The v4 association batch read: each record's companies, up to ASSOCIATION_BATCH_READ_SIZE records. */
export function companyAssociationsRequest(from: CrmObjectType, ids: readonly string[]): HubspotRequest {
  return {
    method: 'POST',
    path: `/crm/v4/associations/${from}/companies/batch/read`,
    body: { inputs: ids.map((id) => ({ id })) },
  }
}

/** from-id → company id, preferring HubSpot's primary association. A 404 means none of these records has one. */
export async function processCompanyAssociations(
  response: Response,
  primaryTypeId: number,
): Promise<Result<Map<string, number>, CrmCallError>> {
  const companies = new Map<string, number>()
  const batch = await processHubspotJson(response, associationBatchSchema)
  if (!batch.ok) return batch.error === 'not_found' ? ok(companies) : batch
  for (const row of batch.value.results) {
    const primary = row.to.find((t) => t.associationTypes?.some((a) => a.typeId === primaryTypeId)) ?? row.to[0]
    if (primary) companies.set(String(row.from.id), Number(primary.toObjectId))
  }
  return ok(companies)
}

export async function readCompanyAssociations(
  client: HubspotClient,
  from: CrmObjectType,
  ids: readonly string[],
  primaryTypeId: number,
): Promise<Result<Map<string, number>, CrmCallError>> {
  const chunks: string[][] = []
  for (let start = 0; start < ids.length; start += ASSOCIATION_BATCH_READ_SIZE)
    chunks.push(ids.slice(start, start + ASSOCIATION_BATCH_READ_SIZE))
  // Chunks go out together; the portal budget, not this loop, decides how fast.
  const results = await Promise.all(
    chunks.map((chunk) =>
      client.call(companyAssociationsRequest(from, chunk), (response) =>
        processCompanyAssociations(response, primaryTypeId),
      ),
    ),
  )
  const companies = new Map<string, number>()
  for (const result of results) {
    if (!result.ok) return err(result.error)
    for (const [id, company] of result.value) companies.set(id, company)
  }
  return ok(companies)
}
