import type { Result } from '../../result'
import { err, ok } from '../../result'
import type { CrmObjectType } from '../change-feed'
import type { CrmRecord } from '../crm-record'
import type { PortalCrm } from '../portal-crm'
import { lowerBound } from '../sorted-records'
import { comparableValue, comparisonOf } from './comparable-value'
import type { RecordPredicate } from './compile-filter'
import { compileFilter } from './compile-filter'
import { idRange } from './id-range'
import { queryMatcher } from './query-matcher'
import type { SearchRequest } from './search-request'
import { searchLimits } from './search-request'
import { searchVisibleAt } from './search-index-lag'

export interface SearchOutcome {
  total: number
  page: CrmRecord[]
  /** Offset of the next page; absent on the last page and at the 10,000-result cap. */
  nextOffset?: number
}

/**
 * Filters live (never archived) records that the search index has caught up with (see search-index-lag.ts): OR across groups, AND within one. Default order is creation order
 * (ids are handed out in creation order); one sort otherwise, ties broken by id, empty values last.
 */
export function runSearch(
  portal: PortalCrm,
  objectType: CrmObjectType,
  request: SearchRequest,
  searchIndex: { now: number; lagMs: number } = { now: Number.POSITIVE_INFINITY, lagMs: 0 },
): Result<SearchOutcome, string> {
  const groups: RecordPredicate[][] = []
  for (const filters of request.filterGroups) {
    const group: RecordPredicate[] = []
    for (const filter of filters) {
      const predicate = compileFilter(portal, objectType, filter)
      if (!predicate.ok) return predicate
      group.push(predicate.value)
    }
    groups.push(group)
  }
  const matchesQuery = queryMatcher(objectType, request.query)

  const records = portal.objects[objectType].active
  const range = idRange(request.filterGroups)
  const matches: CrmRecord[] = []
  for (let index = Number.isFinite(range.min) ? lowerBound(records, range.min) : 0; index < records.length; index++) {
    const record = records[index]
    if (!record || record.numericId > range.max) break
    if (searchIndex.lagMs > 0 && searchVisibleAt(record, searchIndex.lagMs) > searchIndex.now) continue
    if (groups.length > 0 && !groups.some((group) => group.every((predicate) => predicate(record)))) continue
    if (matchesQuery && !matchesQuery(record)) continue
    matches.push(record)
  }

  const sorted = sortMatches(portal, objectType, matches, request.sort)
  if (!sorted.ok) return sorted
  const end = Math.min(request.offset + request.limit, searchLimits.maxResults)
  const page = sorted.value.slice(request.offset, end)
  const more = end < sorted.value.length && end < searchLimits.maxResults
  return ok({ total: matches.length, page, ...(more ? { nextOffset: end } : {}) })
}

function sortMatches(
  portal: PortalCrm,
  objectType: CrmObjectType,
  matches: CrmRecord[],
  sort: SearchRequest['sort'],
): Result<CrmRecord[], string> {
  if (!sort || sort.propertyName === 'hs_object_id')
    return ok(sort?.direction === 'DESCENDING' ? matches.reverse() : matches)
  const definition = portal.properties[objectType].get(sort.propertyName)
  if (!definition)
    return err(`There was a problem with the request: cannot sort by unknown property ${sort.propertyName}.`)
  const comparison = comparisonOf(definition.type)
  const sign = sort.direction === 'DESCENDING' ? -1 : 1
  const keyed = matches.map((record) => ({ record, key: comparableValue(record, sort.propertyName, comparison) }))
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null)
      return a.key === b.key ? a.record.numericId - b.record.numericId : a.key === null ? 1 : -1
    if (a.key < b.key) return -sign
    if (a.key > b.key) return sign
    return a.record.numericId - b.record.numericId
  })
  return ok(keyed.map((entry) => entry.record))
}
