import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import type { CrmObjectType } from '../change-feed'
import type { CrmRecord } from '../crm-record'
import { singularName } from '../object-types'
import type { CrmRouteContext } from './crm-route'
import { lookupRecord } from './get-object'
import { batchReadInput } from './object-input-schemas'
import { parseApiBody, validationError } from './parse-api-body'
import { queryFlag } from './read-query'
import { selectHistoryProperties, selectProperties } from './select-properties'
import { toApiObject } from './to-api-object'

export const maxBatchInputs = 100
const maxHistoryBatchInputs = 50

/**
 * POST /crm/v3/objects/{type}/batch/read: 200 COMPLETE, or 207 with one OBJECT_NOT_FOUND error listing every
 * missing id. Merged-away ids return the surviving record (once, however many of its ids were asked for).
 */
export async function batchReadObjects(
  c: Context<SimEnv>,
  [objectType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Promise<Response> {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const startedAt = new Date(ctx.now).toISOString()
  const body = await parseApiBody(c, batchReadInput)
  if (!body.ok) return body.error
  if (body.value.inputs.length > maxBatchInputs)
    return validationError(
      c,
      `Batch input limit exceeded: ${body.value.inputs.length} inputs; the maximum is ${maxBatchInputs}.`,
    )
  const historyNames = body.value.propertiesWithHistory ?? []
  if (historyNames.length > 0 && body.value.inputs.length > maxHistoryBatchInputs) {
    // HubSpot's wording (PipedreamHQ/pipedream#8462, activepieces#9359).
    return validationError(
      c,
      `The maximum number of inputs supported in a batch request for property histories is ${maxHistoryBatchInputs}. Please reduce the number of items and try again`,
    )
  }

  const archived = queryFlag(c, 'archived')
  const found = new Map<string, CrmRecord>()
  const missing: string[] = []
  for (const { id } of body.value.inputs) {
    const record = lookupRecord(ctx.portal, objectType, id, body.value.idProperty, archived)
    if (record) found.set(record.id, record)
    else missing.push(id)
  }
  const properties = selectProperties(ctx.portal, objectType, body.value.properties)
  const withHistory = selectHistoryProperties(ctx.portal, objectType, historyNames)
  const results = [...found.values()].map((record) => toApiObject(ctx.portal, record, properties, [], withHistory))
  const completedAt = new Date(ctx.now).toISOString()
  if (missing.length === 0) return c.json({ status: 'COMPLETE', results, startedAt, completedAt })
  const errors = [
    {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${singularName[objectType].toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids: missing },
    },
  ]
  return c.json({ status: 'COMPLETE', results, numErrors: errors.length, errors, startedAt, completedAt }, 207)
}
