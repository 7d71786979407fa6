import type { Context } from 'hono'
import { z } from 'zod'
import type { SimEnv } from '../../http/sim-env'
import { describeAssociationType } from '../association-types'
import type { CrmObjectType } from '../change-feed'
import { findRecord } from '../object-store'
import { singularName } from '../object-types'
import type { CrmRouteContext } from './crm-route'
import { parseApiBody, validationError } from './parse-api-body'
import { sortedTargets } from './to-api-object'

const maxInputs = 1000
const body = z.object({ inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })) })

/**
 * POST /crm/v4/associations/{from}/{to}/batch/read. As in HubSpot, ids with no associations (and unknown ids)
 * are not results but errors: 207 with one error per id (subCategory crm.associations.NO_ASSOCIATIONS_FOUND).
 */
export async function batchReadAssociationsV4(
  c: Context<SimEnv>,
  [fromType, toType]: CrmObjectType[],
  ctx: CrmRouteContext,
): Promise<Response> {
  if (!fromType || !toType) return validationError(c, 'Unable to infer object type')
  const startedAt = new Date(ctx.now).toISOString()
  const parsed = await parseApiBody(c, body)
  if (!parsed.ok) return parsed.error
  if (parsed.value.inputs.length > maxInputs)
    return validationError(c, `Batch input limit exceeded: the maximum is ${maxInputs}.`)

  const results: {
    from: { id: string }
    to: { toObjectId: number; associationTypes: ReturnType<typeof describeAssociationType>[] }[]
  }[] = []
  const errors: object[] = []
  for (const { id } of parsed.value.inputs) {
    const record = findRecord(ctx.portal.objects[fromType], id)
    const targets = record ? sortedTargets(ctx.portal, fromType, record.id, toType) : []
    if (targets.length === 0) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${singularName[toType]} is associated with ${singularName[fromType]} ${id}.`,
        context: { fromObjectId: [id], fromObjectType: [singularName[fromType]], toObjectType: [singularName[toType]] },
      })
      continue
    }
    results.push({
      from: { id },
      to: targets.map(([toId, typeIds]) => ({
        toObjectId: Number(toId),
        associationTypes: typeIds.map((typeId) => describeAssociationType(fromType, toType, typeId)),
      })),
    })
  }
  const completedAt = new Date(ctx.now).toISOString()
  if (errors.length === 0) return c.json({ status: 'COMPLETE', results, startedAt, completedAt })
  return c.json({ status: 'COMPLETE', results, numErrors: errors.length, errors, startedAt, completedAt }, 207)
}
