import type { CrmRecord } from './crm-record'
import { readProperty } from './crm-record'
import type { CrmWriteContext } from './crm-write-context'
import { dealStageOf } from './deal-stage-of'
import { historySourceOf } from './history-source-of'
import { implicitHistory } from './implicit-history'
import { lastModifiedProperty } from './object-types'
import type { HistorySource } from './property-history-entry'
import { isClosedStage } from './ticket-pipeline'

type SetValue = (name: string, value: string | null, source?: HistorySource) => void

const calculated: HistorySource = { sourceType: 'CALCULATED' }

/**
 * Writes normalized values onto a record and keeps HubSpot's derived values in step: the last-modified date,
 * a ticket's `closed_date` / `time_to_close` when its stage moves into or out of Closed, and a deal's
 * closed/won/lost flags and probability from its stage. Every change is added to the property's history.
 * Returns the properties whose value actually changed (derived ones included), in write order.
 */
export function applyPropertyChanges(
  ctx: CrmWriteContext,
  record: CrmRecord,
  values: Readonly<Record<string, string | null>>,
): [string, string | null][] {
  const changed: [string, string | null][] = []
  const source = historySourceOf(ctx)
  const set: SetValue = (name, value, by = source) => {
    if (readProperty(record, name) === value) return
    // The value held until now enters the history before it is overwritten.
    record.history ??= new Map()
    const entries = record.history.get(name) ?? implicitHistory(record, name, ctx.portal.dealPipelines)
    record.history.set(name, entries)
    if (value === null) delete record.properties[name]
    else record.properties[name] = value
    // HubSpot records a cleared value as an empty string. A value derived from a history already updated
    // in this write (a deal's flags from its new stage) is in there once already.
    const last = entries[entries.length - 1]
    if (last?.value !== (value ?? '') || last.timestamp !== ctx.now)
      entries.push({ value: value ?? '', timestamp: ctx.now, ...by })
    changed.push([name, value])
  }

  const wasClosed = isClosedStage(readProperty(record, 'hs_pipeline_stage'))
  for (const [name, value] of Object.entries(values)) set(name, value)
  if (record.objectType === 'tickets') applyTicketClosing(record, values, wasClosed, ctx.now, set)
  if (record.objectType === 'deals') applyDealStage(ctx, record, values, set)

  if (changed.length > 0) {
    record.updatedAt = ctx.now
    record.properties[lastModifiedProperty[record.objectType]] = new Date(ctx.now).toISOString()
  }
  return changed
}

function applyTicketClosing(
  record: CrmRecord,
  values: Readonly<Record<string, string | null>>,
  wasClosed: boolean,
  now: number,
  set: SetValue,
): void {
  const isClosed = isClosedStage(readProperty(record, 'hs_pipeline_stage'))
  if (isClosed && !wasClosed && values.closed_date === undefined)
    set('closed_date', new Date(now).toISOString(), calculated)
  if (!isClosed && wasClosed) {
    // Reopened: HubSpot's calculated close values no longer apply.
    set('closed_date', null, calculated)
    set('time_to_close', null, calculated)
    return
  }
  const closedDate = readProperty(record, 'closed_date')
  if (isClosed && closedDate !== null)
    set('time_to_close', String(Math.max(0, Date.parse(closedDate) - record.createdAt)), calculated)
}

/** A deal's stage decides its probability and closed/won/lost flags; closing without a close date stamps one. */
function applyDealStage(
  ctx: CrmWriteContext,
  record: CrmRecord,
  values: Readonly<Record<string, string | null>>,
  set: SetValue,
): void {
  const stage = dealStageOf(
    ctx.portal.dealPipelines,
    readProperty(record, 'pipeline'),
    readProperty(record, 'dealstage'),
  )
  if (!stage) return
  const won = stage.isClosed && Number(stage.probability) === 1
  set('hs_deal_stage_probability', stage.probability, calculated)
  set('hs_is_closed', String(stage.isClosed), calculated)
  set('hs_is_closed_won', String(won), calculated)
  set('hs_is_closed_lost', String(stage.isClosed && !won), calculated)
  if (stage.isClosed && values.closedate === undefined && readProperty(record, 'closedate') === null)
    set('closedate', new Date(ctx.now).toISOString())
}
