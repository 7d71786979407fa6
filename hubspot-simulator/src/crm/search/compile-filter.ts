import type { Result } from '../../result'
import { err, ok } from '../../result'
import { associationsOf } from '../association-store'
import type { CrmObjectType } from '../change-feed'
import type { CrmRecord } from '../crm-record'
import { readProperty } from '../crm-record'
import { parseObjectType } from '../object-types'
import type { PortalCrm } from '../portal-crm'
import { comparableInput, comparableValue, comparisonOf } from './comparable-value'
import type { SearchFilter } from './search-request'

export type RecordPredicate = (record: CrmRecord) => boolean

/** Turns one filter into a predicate, checking the property exists (HubSpot answers 400 for unknown ones). */
export function compileFilter(
  portal: PortalCrm,
  objectType: CrmObjectType,
  filter: SearchFilter,
): Result<RecordPredicate, string> {
  if (filter.propertyName.startsWith('associations.')) return compileAssociationFilter(portal, objectType, filter)
  const definition = portal.properties[objectType].get(filter.propertyName)
  if (!definition)
    return err(
      `There was a problem with the request: property ${filter.propertyName} does not exist for ${objectType}.`,
    )
  const name = filter.propertyName
  const comparison = comparisonOf(definition.type)
  const valueOf = (record: CrmRecord): string | number | null => comparableValue(record, name, comparison)
  const input = (value: string | undefined): string | number => comparableInput(value ?? '', comparison)
  // IN / NOT_IN compare text values lowercased on the record side only: HubSpot documents that the given values must be lowercase.
  const listed = (filter.values ?? []).map((value) =>
    comparison === 'text' ? value : comparableInput(value, comparison),
  )

  switch (filter.operator) {
    case 'EQ': {
      const wanted = input(filter.value)
      return ok((record) => valueOf(record) === wanted)
    }
    case 'NEQ': {
      const unwanted = input(filter.value)
      return ok((record) => valueOf(record) !== unwanted)
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE':
      return ok(compileRange(valueOf, filter.operator, input(filter.value)))
    case 'BETWEEN': {
      const low = input(filter.value)
      const high = input(filter.highValue)
      return ok((record) => {
        const value = valueOf(record)
        return value !== null && value >= low && value <= high
      })
    }
    case 'IN':
      return ok((record) => {
        const value = valueOf(record)
        return value !== null && listed.includes(value)
      })
    case 'NOT_IN':
      return ok((record) => {
        const value = valueOf(record)
        return value === null || !listed.includes(value)
      })
    case 'HAS_PROPERTY':
      return ok((record) => hasValue(record, name))
    case 'NOT_HAS_PROPERTY':
      return ok((record) => !hasValue(record, name))
    case 'CONTAINS_TOKEN':
      return ok(tokenMatcher(name, filter.value ?? ''))
    case 'NOT_CONTAINS_TOKEN': {
      const matches = tokenMatcher(name, filter.value ?? '')
      return ok((record) => !matches(record))
    }
  }
}

function hasValue(record: CrmRecord, name: string): boolean {
  if (name === 'hs_object_id' || name === 'createdate') return true
  const value = readProperty(record, name)
  return value !== null && value !== ''
}

function compileRange(
  valueOf: (record: CrmRecord) => string | number | null,
  operator: 'LT' | 'LTE' | 'GT' | 'GTE',
  bound: string | number,
): RecordPredicate {
  return (record) => {
    const value = valueOf(record)
    if (value === null) return false
    if (operator === 'LT') return value < bound
    if (operator === 'LTE') return value <= bound
    if (operator === 'GT') return value > bound
    return value >= bound
  }
}

/** Words of the value (split on anything not a letter or digit), case-insensitive; `*` is a wildcard. */
function tokenMatcher(name: string, pattern: string): RecordPredicate {
  const lowered = pattern.toLowerCase()
  const wildcard = lowered.includes('*')
    ? new RegExp(`^${lowered.split('*').map(escapeRegExp).join('.*')}$`)
    : undefined
  return (record) => {
    const value = readProperty(record, name)?.toLowerCase()
    if (!value) return false
    if (wildcard) return wildcard.test(value) || tokens(value).some((token) => wildcard.test(token))
    return tokens(value).includes(lowered)
  }
}

export function tokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** `associations.company` EQ / IN: records associated with the given ids. */
function compileAssociationFilter(
  portal: PortalCrm,
  objectType: CrmObjectType,
  filter: SearchFilter,
): Result<RecordPredicate, string> {
  const toType = parseObjectType(filter.propertyName.slice('associations.'.length))
  if (!toType || (filter.operator !== 'EQ' && filter.operator !== 'IN')) {
    return err(`There was a problem with the request: unsupported filter ${filter.operator} on ${filter.propertyName}.`)
  }
  const ids = filter.operator === 'EQ' ? [filter.value ?? ''] : (filter.values ?? [])
  return ok((record) => {
    const targets = associationsOf(portal.associations, objectType, record.id, toType)
    return ids.some((id) => targets.has(id))
  })
}
