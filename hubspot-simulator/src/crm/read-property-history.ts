import type { CrmRecord } from './crm-record'
import type { DealPipeline } from './deal-pipeline'
import { implicitHistory } from './implicit-history'
import type { PropertyHistoryEntry } from './property-history-entry'

/** A property's values, oldest first: recorded ones, or the one value it has held since it was set. */
export function readPropertyHistory(
  record: CrmRecord,
  name: string,
  dealPipelines: readonly DealPipeline[],
): readonly PropertyHistoryEntry[] {
  return record.history?.get(name) ?? implicitHistory(record, name, dealPipelines)
}
