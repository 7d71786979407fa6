import type { Result } from '../../../lib/result'
import { ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmCallError } from './crm-call-error'
import type { CrmObjectType } from './crm-object-types'
import { syncedProperties } from './crm-object-types'
import type { CrmObject } from './crm-schemas'
import { batchReadSchema } from './crm-schemas'

/** Up to 100 records by id, with the properties Churnlens reads. */
export function batchReadObjectsRequest(
  type: CrmObjectType,
  ids: readonly string[],
  properties: readonly string[] = syncedProperties[type],
): HubspotRequest {
  return {
    method: 'POST',
    path: `/crm/v3/objects/${type}/batch/read`,
    body: { inputs: ids.map((id) => ({ id })), properties },
  }
}

/** Ids HubSpot no longer has come back missing (207), not as a failure. */
export async function processBatchRead(response: Response): Promise<Result<CrmObject[], CrmCallError>> {
  const batch = await processHubspotJson(response, batchReadSchema)
  return batch.ok ? ok(batch.value.results) : batch
}

export async function batchReadObjects(
  client: HubspotClient,
  type: CrmObjectType,
  ids: readonly string[],
  properties?: readonly string[],
): Promise<Result<CrmObject[], CrmCallError>> {
  if (ids.length === 0) return ok([])
  return client.call(batchReadObjectsRequest(type, ids, properties), processBatchRead)
}
