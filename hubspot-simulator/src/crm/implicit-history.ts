import type { CrmRecord } from './crm-record'
import { readProperty } from './crm-record'
import type { DealPipeline } from './deal-pipeline'
import { dealStageOf } from './deal-stage-of'
import { lastModifiedProperty } from './object-types'
import type { PropertyHistoryEntry } from './property-history-entry'
import { isClosedStage } from './ticket-pipeline'

/** Values HubSpot computes itself rather than a person or an integration writing them. */
const calculated = new Set([
  'hs_object_id',
  'closed_date',
  'time_to_close',
  'hs_deal_stage_probability',
  'hs_is_closed',
  'hs_is_closed_won',
  'hs_is_closed_lost',
])

/** A deal's values HubSpot recalculates from its stage. */
const fromDealStage: Record<string, (stage: { isClosed: boolean; probability: string }) => string> = {
  hs_is_closed: (stage) => String(stage.isClosed),
  hs_is_closed_won: (stage) => String(stage.isClosed && Number(stage.probability) === 1),
  hs_is_closed_lost: (stage) => String(stage.isClosed && Number(stage.probability) === 0),
  hs_deal_stage_probability: (stage) => stage.probability,
}

/**
 * The history of a property nobody changed since it was set: its one value, stamped when it must have been set
 * (a ticket's close values when it closed, the last-modified date when the record last changed). A ticket past
 * "New" also shows the "New" it started in, as every ticket does; a deal's calculated flags follow its stage
 * history. Unset properties have no history.
 */
export function implicitHistory(
  record: CrmRecord,
  name: string,
  dealPipelines: readonly DealPipeline[],
): PropertyHistoryEntry[] {
  const value = readProperty(record, name)
  if (value === null) return []
  const derive = record.objectType === 'deals' ? fromDealStage[name] : undefined
  if (derive) return derivedFromStage(record, derive, dealPipelines)
  const sourceType = calculated.has(name) ? 'CALCULATED' : 'CRM_UI'
  const closedAt = Date.parse(readProperty(record, 'closed_date') ?? '')
  if (name === 'closed_date' || name === 'time_to_close')
    return [{ value, timestamp: Number.isFinite(closedAt) ? closedAt : record.updatedAt, sourceType }]
  if (name === lastModifiedProperty[record.objectType])
    return [{ value, timestamp: record.updatedAt, sourceType: 'CALCULATED' }]
  if (record.objectType === 'tickets' && name === 'hs_pipeline_stage' && value !== '1') {
    const movedAt = isClosedStage(value) && Number.isFinite(closedAt) ? closedAt : record.updatedAt
    return [
      { value: '1', timestamp: record.createdAt, sourceType },
      { value, timestamp: Math.max(record.createdAt, movedAt), sourceType },
    ]
  }
  return [{ value, timestamp: record.createdAt, sourceType }]
}

function derivedFromStage(
  record: CrmRecord,
  derive: (stage: { isClosed: boolean; probability: string }) => string,
  pipelines: readonly DealPipeline[],
): PropertyHistoryEntry[] {
  const pipeline = readProperty(record, 'pipeline')
  const stages = record.history?.get('dealstage') ?? implicitHistory(record, 'dealstage', pipelines)
  const entries: PropertyHistoryEntry[] = []
  for (const change of stages) {
    const stage = dealStageOf(pipelines, pipeline, change.value)
    if (!stage) continue
    const value = derive(stage)
    if (entries[entries.length - 1]?.value !== value)
      entries.push({ value, timestamp: change.timestamp, sourceType: 'CALCULATED' })
  }
  return entries
}
