import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import type { CrmObjectType } from '../change-feed'
import { parseObjectType } from '../object-types'
import { lowerBound } from '../sorted-records'
import type { CrmRouteContext } from './crm-route'
import { decodeCursor, encodeCursor } from './list-cursor'
import { validationError } from './parse-api-body'
import { queryFlag, queryLimit, queryList } from './read-query'
import { selectHistoryProperties, selectProperties } from './select-properties'
import { toApiObject } from './to-api-object'

const maxListLimit = 100
const maxHistoryListLimit = 50

/**
 * GET /crm/v3/objects/{type}: pages in id order via an opaque cursor (a binary search, so page 1,000 costs what
 * page 1 does). `archived=true` lists only archived records. No `paging` on the last page. With
 * `propertiesWithHistory` a page holds at most 50 records.
 */
export function listObjects(c: Context<SimEnv>, [objectType]: CrmObjectType[], { portal }: CrmRouteContext): Response {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const limit = queryLimit(c, 10, maxListLimit)
  if (limit === undefined) return validationError(c, `limit must be an integer between 1 and ${maxListLimit}`)
  const historyNames = queryList(c, 'propertiesWithHistory') ?? []
  // The spec only says history "will reduce the maximum"; in practice pages with history stop at 50.
  if (historyNames.length > 0 && limit > maxHistoryListLimit) {
    return validationError(c, `limit must be at most ${maxHistoryListLimit} when propertiesWithHistory is requested`)
  }
  const cursor = c.req.query('after')
  const afterId = cursor ? decodeCursor(cursor) : 0
  if (afterId === undefined) return validationError(c, `Invalid after cursor: ${cursor ?? ''}`)

  const store = portal.objects[objectType]
  const records = queryFlag(c, 'archived') ? store.archived : store.active
  const start = lowerBound(records, afterId)
  const properties = selectProperties(portal, objectType, queryList(c, 'properties'))
  const associations = (queryList(c, 'associations') ?? []).map(parseObjectType).filter((type) => type !== undefined)
  const withHistory = selectHistoryProperties(portal, objectType, historyNames)
  const results = records
    .slice(start, start + limit)
    .map((record) => toApiObject(portal, record, properties, associations, withHistory))

  const next = records[start + limit]
  if (!next) return c.json({ results })
  const after = encodeCursor(next.id)
  const link = new URL(c.req.url)
  link.searchParams.set('after', after)
  return c.json({ results, paging: { next: { after, link: link.toString() } } })
}
