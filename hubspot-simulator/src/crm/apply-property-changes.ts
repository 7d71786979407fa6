import type { CrmRecord } from './crm-record'
import { readProperty } from './crm-record'
import { lastModifiedProperty } from './object-types'
import { isClosedStage } from './ticket-pipeline'

/**
 * Writes normalized values onto a record and keeps HubSpot's derived values in step: the last-modified date
 * and, for tickets, `closed_date` / `time_to_close` when the stage moves into or out of Closed.
 * Returns the properties whose value actually changed (derived ones included), in write order.
 */
export function applyPropertyChanges(
  record: CrmRecord,
  values: Readonly<Record<string, string | null>>,
  now: number,
): [string, string | null][] {
  const changed: [string, string | null][] = []
  const set = (name: string, value: string | null): void => {
    if (readProperty(record, name) === value) return
    if (value === null) delete record.properties[name]
    else record.properties[name] = value
    changed.push([name, value])
  }

  const wasClosed = isClosedStage(readProperty(record, 'hs_pipeline_stage'))
  for (const [name, value] of Object.entries(values)) set(name, value)
  if (record.objectType === 'tickets') applyTicketClosing(record, values, wasClosed, now, set)

  if (changed.length > 0) {
    record.updatedAt = now
    record.properties[lastModifiedProperty[record.objectType]] = new Date(now).toISOString()
  }
  return changed
}

function applyTicketClosing(
  record: CrmRecord,
  values: Readonly<Record<string, string | null>>,
  wasClosed: boolean,
  now: number,
  set: (name: string, value: string | null) => void,
): void {
  const isClosed = isClosedStage(readProperty(record, 'hs_pipeline_stage'))
  if (isClosed && !wasClosed && values.closed_date === undefined) set('closed_date', new Date(now).toISOString())
  if (!isClosed && wasClosed) {
    // Reopened: HubSpot's calculated close values no longer apply.
    set('closed_date', null)
    set('time_to_close', null)
    return
  }
  const closedDate = readProperty(record, 'closed_date')
  if (isClosed && closedDate !== null)
    set('time_to_close', String(Math.max(0, Date.parse(closedDate) - record.createdAt)))
}
