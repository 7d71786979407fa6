import type { Context } from 'hono'
import { z } from 'zod'
import type { SimEnv } from '../../http/sim-env'
import { associationSpec } from '../association-types'
import type { CrmObjectType } from '../change-feed'
import { setAssociation } from '../set-association'
import type { CrmRouteContext } from './crm-route'
import { parseApiBody, validationError } from './parse-api-body'
import { writeErrorResponse } from './write-error-response'

/** PUT /crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}: the default (unlabelled) association. */
export function putDefaultAssociation(
  c: Context<SimEnv>,
  [fromType, toType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Response {
  if (!fromType || !toType) return validationError(c, 'Unable to infer object type')
  return associateAndAnswer(c, ctx, fromType, toType, false)
}

const labelledBody = z.array(z.object({ associationCategory: z.string(), associationTypeId: z.number().int() })).min(1)

/** PUT /crm/v4/objects/{from}/{fromId}/associations/{to}/{toId} with `[{associationCategory, associationTypeId}]`. */
export async function putLabelledAssociation(
  c: Context<SimEnv>,
  [fromType, toType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Promise<Response> {
  if (!fromType || !toType) return validationError(c, 'Unable to infer object type')
  const body = await parseApiBody(c, labelledBody)
  if (!body.ok) return body.error
  const spec = associationSpec(fromType, toType)
  const known = new Set([spec?.defaultTypeId, spec?.primaryTypeId].filter((id) => id !== undefined))
  const unknown = body.value.find((type) => !known.has(type.associationTypeId))
  if (unknown)
    return validationError(c, `Invalid association type ${unknown.associationTypeId} from ${fromType} to ${toType}.`)
  return associateAndAnswer(
    c,
    ctx,
    fromType,
    toType,
    body.value.some((type) => type.associationTypeId === spec?.primaryTypeId),
  )
}

/** DELETE /crm/v4/objects/{from}/{fromId}/associations/{to}/{toId}: removes every type between the two → 204. */
export function deleteAssociation(
  c: Context<SimEnv>,
  [fromType, toType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Response {
  if (!fromType || !toType) return validationError(c, 'Unable to infer object type')
  const removed = setAssociation(ctx.write(), {
    fromType,
    fromId: c.req.param('objectId') ?? '',
    toType,
    toId: c.req.param('toObjectId') ?? '',
    remove: true,
  })
  if (!removed.ok) return writeErrorResponse(c, removed.error)
  return c.body(null, 204)
}

function associateAndAnswer(
  c: Context<SimEnv>,
  ctx: CrmRouteContext,
  fromType: CrmObjectType,
  toType: CrmObjectType,
  primary: boolean,
): Response {
  const fromId = c.req.param('objectId') ?? ''
  const toId = c.req.param('toObjectId') ?? ''
  const result = setAssociation(ctx.write(), { fromType, fromId, toType, toId, primary })
  if (!result.ok) return writeErrorResponse(c, result.error)
  const spec = associationSpec(fromType, toType)
  const typeIds = [spec?.defaultTypeId, primary ? spec?.primaryTypeId : undefined].filter((id) => id !== undefined)
  const now = new Date(ctx.now).toISOString()
  return c.json({
    status: 'COMPLETE',
    results: typeIds.map((associationTypeId) => ({
      from: { id: fromId },
      to: { id: toId },
      associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId },
    })),
    startedAt: now,
    completedAt: now,
  })
}
