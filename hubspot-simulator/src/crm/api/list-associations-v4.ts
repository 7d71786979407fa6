import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import { describeAssociationType } from '../association-types'
import type { CrmObjectType } from '../change-feed'
import { resolveId } from '../object-store'
import type { CrmRouteContext } from './crm-route'
import { validationError } from './parse-api-body'
import { queryLimit } from './read-query'
import { sortedTargets } from './to-api-object'

const maxAssociationLimit = 500

/**
 * GET /crm/v4/objects/{type}/{id}/associations/{toType}?limit=&after= → `{results:[{toObjectId, associationTypes}], paging?}`,
 * ordered by toObjectId; `after` is the next toObjectId. An id without associations (or unknown) gets empty results.
 */
export function listAssociationsV4(
  c: Context<SimEnv>,
  [fromType, toType]: CrmObjectType[],
  { portal }: CrmRouteContext,
): Response {
  if (!fromType || !toType) return validationError(c, 'Unable to infer object type')
  const limit = queryLimit(c, maxAssociationLimit, maxAssociationLimit)
  if (limit === undefined) return validationError(c, `limit must be an integer between 1 and ${maxAssociationLimit}`)
  const after = c.req.query('after')
  if (after !== undefined && !/^\d+$/.test(after)) return validationError(c, `Invalid after: ${after}`)

  const fromId = resolveId(portal.objects[fromType], c.req.param('objectId') ?? '')
  const targets = sortedTargets(portal, fromType, fromId, toType).filter(
    ([toId]) => after === undefined || Number(toId) >= Number(after),
  )
  const results = targets.slice(0, limit).map(([toId, typeIds]) => ({
    toObjectId: Number(toId),
    associationTypes: typeIds.map((typeId) => describeAssociationType(fromType, toType, typeId)),
  }))
  const next = targets[limit]
  if (!next) return c.json({ results })
  const link = new URL(c.req.url)
  link.searchParams.set('after', next[0])
  return c.json({ results, paging: { next: { after: next[0], link: link.toString() } } })
}
