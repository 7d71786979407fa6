import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import type { CrmObjectType } from '../change-feed'
import { updateRecord } from '../update-record'
import type { CrmRouteContext } from './crm-route'
import { updateObjectInput } from './object-input-schemas'
import { parseApiBody, validationError } from './parse-api-body'
import { allPropertyNames, toApiObject } from './to-api-object'
import { writeErrorResponse } from './write-error-response'

/** PATCH /crm/v3/objects/{type}/{id} → 200 with the record's properties. */
export async function updateObject(
  c: Context<SimEnv>,
  [objectType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Promise<Response> {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const body = await parseApiBody(c, updateObjectInput)
  if (!body.ok) return body.error
  const updated = updateRecord(ctx.write(), objectType, c.req.param('objectId') ?? '', body.value.properties)
  if (!updated.ok) return writeErrorResponse(c, updated.error)
  return c.json(toApiObject(ctx.portal, updated.value, allPropertyNames(updated.value)))
}
