import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import type { CrmObjectType } from '../change-feed'
import type { CrmRecord } from '../crm-record'
import { normalizePropertyValues } from '../normalize-property-values'
import { findRecord } from '../object-store'
import { updateRecord } from '../update-record'
import { maxBatchInputs } from './batch-read-objects'
import type { CrmRouteContext } from './crm-route'
import { batchUpdateInput } from './object-input-schemas'
import { parseApiBody, validationError } from './parse-api-body'
import { allPropertyNames, toApiObject } from './to-api-object'
import { writeErrorResponse } from './write-error-response'

/**
 * POST /crm/v3/objects/{type}/batch/update: all values are validated first (one bad value → 400, nothing
 * written); unknown ids are skipped and reported in a 207, the rest are updated.
 */
export async function batchUpdateObjects(
  c: Context<SimEnv>,
  [objectType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Promise<Response> {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const startedAt = new Date(ctx.now).toISOString()
  const body = await parseApiBody(c, batchUpdateInput)
  if (!body.ok) return body.error
  if (body.value.inputs.length > maxBatchInputs)
    return validationError(
      c,
      `Batch input limit exceeded: ${body.value.inputs.length} inputs; the maximum is ${maxBatchInputs}.`,
    )
  for (const input of body.value.inputs) {
    const checked = normalizePropertyValues(ctx.portal.properties[objectType], input.properties)
    if (!checked.ok) return writeErrorResponse(c, checked.error)
  }

  const store = ctx.portal.objects[objectType]
  const updated = new Map<string, CrmRecord>()
  const missing: string[] = []
  for (const input of body.value.inputs) {
    if (!findRecord(store, input.id)) {
      missing.push(input.id)
      continue
    }
    const result = updateRecord(ctx.write(), objectType, input.id, input.properties)
    if (result.ok) updated.set(result.value.id, result.value)
  }
  const results = [...updated.values()].map((record) => toApiObject(ctx.portal, record, allPropertyNames(record)))
  const completedAt = new Date(ctx.now).toISOString()
  if (missing.length === 0) return c.json({ status: 'COMPLETE', results, startedAt, completedAt })
  const errors = [
    {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: 'Could not update some objects, they may be deleted or not exist.',
      context: { ids: missing },
    },
  ]
  return c.json({ status: 'COMPLETE', results, numErrors: errors.length, errors, startedAt, completedAt }, 207)
}
