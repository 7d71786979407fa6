import type { SearchFilter } from './search-request'

/**
 * The hs_object_id range every filter group is confined to, if each group bounds it. Full syncs page with
 * `hs_object_id GT x AND LTE y`; scanning only that slice keeps such searches cheap on 100,000 records.
 */
export function idRange(groups: readonly (readonly SearchFilter[])[]): { min: number; max: number } {
  const everything = { min: -Infinity, max: Infinity }
  if (groups.length === 0) return everything
  let min = Infinity
  let max = -Infinity
  for (const filters of groups) {
    const group = groupRange(filters)
    min = Math.min(min, group.min)
    max = Math.max(max, group.max)
  }
  return { min, max }
}

function groupRange(filters: readonly SearchFilter[]): { min: number; max: number } {
  let min = -Infinity
  let max = Infinity
  for (const filter of filters) {
    if (filter.propertyName !== 'hs_object_id') continue
    const value = Number(filter.value)
    const high = Number(filter.highValue)
    if (filter.operator === 'EQ' && Number.isFinite(value)) {
      min = Math.max(min, value)
      max = Math.min(max, value)
    } else if ((filter.operator === 'GT' || filter.operator === 'GTE') && Number.isFinite(value))
      min = Math.max(min, value)
    else if ((filter.operator === 'LT' || filter.operator === 'LTE') && Number.isFinite(value))
      max = Math.min(max, value)
    else if (filter.operator === 'BETWEEN' && Number.isFinite(value) && Number.isFinite(high)) {
      min = Math.max(min, value)
      max = Math.min(max, high)
    }
  }
  return { min, max }
}
