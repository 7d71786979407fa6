import type { CrmRecord } from '../crm-record'
import { readProperty } from '../crm-record'
import type { PropertyType } from '../property-definitions'

/** How a property compares in search: numbers and dates as numbers, text case-insensitively, enums exactly. */
export type Comparison = 'number' | 'date' | 'text' | 'exact'

export function comparisonOf(type: PropertyType): Comparison {
  if (type === 'number') return 'number'
  if (type === 'datetime' || type === 'date') return 'date'
  if (type === 'string') return 'text'
  return 'exact'
}

/** Epoch ms or an ISO date/datetime; NaN if neither. */
export function parseDate(value: string): number {
  return /^-?\d+$/.test(value) ? Number(value) : Date.parse(value)
}

/**
 * A record's value ready to compare. System dates come from the record's numeric fields, so sorting 100,000
 * tickets by last-modified date doesn't parse 100,000 ISO strings.
 */
export function comparableValue(
  record: CrmRecord,
  propertyName: string,
  comparison: Comparison,
): string | number | null {
  if (propertyName === 'hs_object_id') return record.numericId
  if (propertyName === 'createdate') return record.createdAt
  if (propertyName === 'hs_lastmodifieddate' || propertyName === 'lastmodifieddate') return record.updatedAt
  const raw = readProperty(record, propertyName)
  if (raw === null || raw === '') return null
  if (comparison === 'number') return Number(raw)
  if (comparison === 'date') return parseDate(raw)
  return comparison === 'text' ? raw.toLowerCase() : raw
}

/** The filter's value in the same space as comparableValue. */
export function comparableInput(value: string, comparison: Comparison): string | number {
  if (comparison === 'number') return Number(value)
  if (comparison === 'date') return parseDate(value)
  return comparison === 'text' ? value.toLowerCase() : value
}
