import { z } from 'zod'
import type { Result } from '../../result'
import { err, ok } from '../../result'

export const searchOperators = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const
export type SearchOperator = (typeof searchOperators)[number]

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String)

const filterSchema = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(searchOperators),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
})
export type SearchFilter = z.infer<typeof filterSchema>

const sortSchema = z.union([
  z.object({ propertyName: z.string().min(1), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
  // The older string form: "createdate" or "-createdate".
  z
    .string()
    .min(1)
    .transform((value) =>
      value.startsWith('-')
        ? { propertyName: value.slice(1), direction: 'DESCENDING' as const }
        : { propertyName: value, direction: 'ASCENDING' as const },
    ),
])

export const searchBodySchema = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filterSchema) })).default([]),
  sorts: z.array(sortSchema).default([]),
  query: z.string().optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().optional(),
  after: z.union([z.string(), z.number()]).transform(String).optional(),
})
type SearchBody = z.infer<typeof searchBodySchema>

export interface SearchRequest {
  filterGroups: SearchFilter[][]
  sort: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' } | undefined
  query: string | undefined
  properties: string[] | undefined
  limit: number
  offset: number
}

/** HubSpot's documented search limits (2026-03). */
export const searchLimits = {
  maxGroups: 5,
  maxFiltersPerGroup: 6,
  maxFilters: 18,
  maxBodyChars: 3000,
  maxLimit: 200,
  defaultLimit: 10,
  maxResults: 10_000,
} as const

/** Applies the limits that need more than the schema; each failure is a 400 VALIDATION_ERROR message. */
export function checkSearchBody(body: SearchBody): Result<SearchRequest, string> {
  const groups = body.filterGroups.map((group) => group.filters)
  if (groups.length > searchLimits.maxGroups)
    return err(`Too many filter groups: ${groups.length}. The maximum is ${searchLimits.maxGroups}.`)
  if (groups.some((filters) => filters.length > searchLimits.maxFiltersPerGroup))
    return err(`Too many filters in a filter group. The maximum is ${searchLimits.maxFiltersPerGroup}.`)
  const total = groups.reduce((sum, filters) => sum + filters.length, 0)
  if (total > searchLimits.maxFilters)
    return err(`Too many filters: ${total}. The maximum across all filter groups is ${searchLimits.maxFilters}.`)
  if (body.sorts.length > 1) return err('Only one sort is supported.')
  const limit = body.limit ?? searchLimits.defaultLimit
  if (limit < 1 || limit > searchLimits.maxLimit) return err(`limit must be between 1 and ${searchLimits.maxLimit}.`)
  if (body.after !== undefined && !/^\d+$/.test(body.after)) return err(`after must be an integer: ${body.after}`)
  const offset = body.after === undefined ? 0 : Number(body.after)
  if (offset >= searchLimits.maxResults)
    return err(`Paging is limited to the first ${searchLimits.maxResults} results: after ${offset} is past it.`)
  for (const filter of groups.flat()) {
    const problem = filterProblem(filter)
    if (problem) return err(problem)
  }
  return ok({
    filterGroups: groups,
    sort: body.sorts[0],
    query: body.query,
    properties: body.properties,
    limit,
    offset,
  })
}

function filterProblem(filter: SearchFilter): string | undefined {
  const { operator, propertyName } = filter
  if ((operator === 'IN' || operator === 'NOT_IN') && !filter.values)
    return `${operator} on ${propertyName} needs "values".`
  if (operator === 'BETWEEN' && (filter.value === undefined || filter.highValue === undefined))
    return `BETWEEN on ${propertyName} needs "value" and "highValue".`
  const needsValue = !['IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'].includes(operator)
  if (needsValue && filter.value === undefined) return `${operator} on ${propertyName} needs "value".`
  return undefined
}
