import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import { batchReadObjects } from '../integrations/hubspot/crm/batch-read-objects'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { CrmObject } from '../integrations/hubspot/crm/crm-schemas'
import { BATCH_READ_SIZE } from './sync-context'

/**
 * Tickets by id, in batch reads of 100 sent together: the portal's budget, not this loop, decides how fast. Answers
 * one array per batch (each is saved in a statement of its own), or the first failure.
 */
export async function readTicketsInBatches(
  client: HubspotClient,
  ids: readonly string[],
): Promise<Result<CrmObject[][], CrmCallError>> {
  const chunks: (readonly string[])[] = []
  for (let start = 0; start < ids.length; start += BATCH_READ_SIZE)
    chunks.push(ids.slice(start, start + BATCH_READ_SIZE))
  const reads = await Promise.all(chunks.map((chunk) => batchReadObjects(client, 'tickets', chunk)))
  const batches: CrmObject[][] = []
  for (const read of reads) {
    if (!read.ok) return read
    batches.push(read.value)
  }
  return ok(batches)
}
