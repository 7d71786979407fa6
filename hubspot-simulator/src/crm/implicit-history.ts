import type { CrmRecord } from './crm-record'
import { readProperty } from './crm-record'
import { lastModifiedProperty } from './object-types'
import type { PropertyHistoryEntry } from './property-history-entry'
import { isClosedStage } from './ticket-pipeline'

/** Values HubSpot computes itself rather than a person or an integration writing them. */
const calculated = new Set(['hs_object_id', 'closed_date', 'time_to_close', 'hs_deal_stage_probability', 'hs_is_closed', 'hs_is_closed_won', 'hs_is_closed_lost'])

/**
 * The history of a property nobody changed since it was set: its one value, stamped when it must have been set
 * (a ticket's close values when it closed, the last-modified date when the record last changed). A ticket past
 * "New" also shows the "New" it started in, as every ticket does. Unset properties have no history.
 */
export function implicitHistory(record: CrmRecord, name: string): PropertyHistoryEntry[] {
  const value = readProperty(record, name)
  if (value === null) return []
  const sourceType = calculated.has(name) ? 'CALCULATED' : 'CRM_UI'
  const closedAt = Date.parse(readProperty(record, 'closed_date') ?? '')
  if (name === 'closed_date' || name === 'time_to_close') return [{ value, timestamp: Number.isFinite(closedAt) ? closedAt : record.updatedAt, sourceType }]
  if (name === lastModifiedProperty[record.objectType]) return [{ value, timestamp: record.updatedAt, sourceType: 'CALCULATED' }]
  if (record.objectType === 'tickets' && name === 'hs_pipeline_stage' && value !== '1') {
    const movedAt = isClosedStage(value) && Number.isFinite(closedAt) ? closedAt : record.updatedAt
    return [
      { value: '1', timestamp: record.createdAt, sourceType },
      { value, timestamp: Math.max(record.createdAt, movedAt), sourceType },
    ]
  }
  return [{ value, timestamp: record.createdAt, sourceType }]
}
