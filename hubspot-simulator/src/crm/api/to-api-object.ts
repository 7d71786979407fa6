import { associationsOf } from '../association-store'
import type { ApiHistoryEntry } from './api-history-entry'
import { associationName, associationSpec } from '../association-types'
import type { CrmObjectType } from '../change-feed'
import type { CrmRecord } from '../crm-record'
import { readProperty } from '../crm-record'
import { findRecord } from '../object-store'
import { objectTypeId } from '../object-types'
import { appUiDomain } from '../../ui-domain'
import { readPropertyHistory } from '../read-property-history'
import type { PortalCrm } from '../portal-crm'

export interface ApiObject {
  id: string
  properties: Record<string, string | null>
  createdAt: string
  updatedAt: string
  archived: boolean
  archivedAt?: string
  /** The record's page in HubSpot's app (real HubSpot sends it on every object it returns). */
  url: string
  associations?: Record<string, { results: { id: string; type: string }[] }>
  propertiesWithHistory?: Record<string, ApiHistoryEntry[]>
}

/** HubSpot's SimplePublicObject(WithAssociations): string-or-null values, ISO timestamps with ms and Z. */
export function toApiObject(
  portal: PortalCrm,
  record: CrmRecord,
  propertyNames: readonly string[],
  associationTypes: readonly CrmObjectType[] = [],
  historyNames: readonly string[] = [],
): ApiObject {
  const properties: Record<string, string | null> = {}
  for (const name of propertyNames) properties[name] = readProperty(record, name)
  const object: ApiObject = {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
    url: recordUrl(portal.portalId, record),
  }
  if (record.archivedAt !== null) object.archivedAt = new Date(record.archivedAt).toISOString()
  const associations = v3Associations(portal, record, associationTypes)
  if (associations) object.associations = associations
  if (historyNames.length > 0)
    object.propertiesWithHistory = Object.fromEntries(
      historyNames.map((name) => [name, apiHistory(portal, record, name)]),
    )
  return object
}

/** As a live portal sends it: the app domain, portal, object type id and record id. */
export function recordUrl(portalId: number, record: Pick<CrmRecord, 'objectType' | 'id'>): string {
  return `https://${appUiDomain}/contacts/${portalId}/record/${objectTypeId[record.objectType]}/${record.id}`
}

/** Newest first (HubSpot doesn't document the order; clients should sort by timestamp). */
function apiHistory(portal: PortalCrm, record: CrmRecord, name: string): ApiHistoryEntry[] {
  return readPropertyHistory(record, name, portal.dealPipelines)
    .map((entry) => ({ ...entry, timestamp: new Date(entry.timestamp).toISOString() }))
    .reverse()
}

/** Every property the record has, for create/update responses. */
export function allPropertyNames(record: CrmRecord): string[] {
  return Object.keys(record.properties)
}

/**
 * v3's `associations` block. Directions with a primary label list a primary link twice, as HubSpot does:
 * `ticket_to_company` (primary) and `ticket_to_company_unlabeled` (the default type). Empty types are omitted.
 */
function v3Associations(
  portal: PortalCrm,
  record: CrmRecord,
  toTypes: readonly CrmObjectType[],
): ApiObject['associations'] {
  let block: ApiObject['associations']
  for (const toType of toTypes) {
    const spec = associationSpec(record.objectType, toType)
    if (!spec) continue
    const name = associationName(record.objectType, toType)
    const results: { id: string; type: string }[] = []
    for (const [toId, typeIds] of sortedTargets(portal, record.objectType, record.id, toType)) {
      for (const typeId of typeIds) {
        const type =
          spec.primaryTypeId === undefined ? name : typeId === spec.primaryTypeId ? name : `${name}_unlabeled`
        results.push({ id: toId, type })
      }
    }
    if (results.length === 0) continue
    block ??= {}
    block[toType] = { results }
  }
  return block
}

/** An object's live associations to `toType`, by ascending id (archived or merged-away targets are hidden). */
export function sortedTargets(
  portal: PortalCrm,
  fromType: CrmObjectType,
  fromId: string,
  toType: CrmObjectType,
): [string, readonly number[]][] {
  const store = portal.objects[toType]
  return [...associationsOf(portal.associations, fromType, fromId, toType)]
    .filter(([toId]) => findRecord(store, toId) !== undefined)
    .sort(([a], [b]) => Number(a) - Number(b))
}
