import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import type { CrmObjectType } from '../change-feed'
import { runSearch } from '../search/run-search'
import { checkSearchBody, searchBodySchema, searchLimits } from '../search/search-request'
import type { CrmRouteContext } from './crm-route'
import { parseApiBody, validationError } from './parse-api-body'
import { selectProperties } from './select-properties'
import { toApiObject } from './to-api-object'

/**
 * POST /crm/v3/objects/{type}/search → `{total, results, paging?}` with an integer-string `after`.
 * Its own rate limit (see rate-limit.ts) and no rate-limit headers.
 */
export async function searchObjects(
  c: Context<SimEnv>,
  [objectType]: CrmObjectType[],
  { portal, now, searchIndexLagMs }: CrmRouteContext,
): Promise<Response> {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const body = await parseApiBody(c, searchBodySchema, searchLimits.maxBodyChars)
  if (!body.ok) return body.error
  const request = checkSearchBody(body.value)
  if (!request.ok) return validationError(c, request.error)
  const outcome = runSearch(portal, objectType, request.value, { now, lagMs: searchIndexLagMs })
  if (!outcome.ok) return validationError(c, outcome.error)

  const properties = selectProperties(portal, objectType, request.value.properties)
  const results = outcome.value.page.map((record) => toApiObject(portal, record, properties))
  const paging =
    outcome.value.nextOffset === undefined ? {} : { paging: { next: { after: String(outcome.value.nextOffset) } } }
  return c.json({ total: outcome.value.total, results, ...paging })
}
