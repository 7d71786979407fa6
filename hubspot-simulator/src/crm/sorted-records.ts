import type { CrmRecord } from './crm-record'

/** Index of the first record whose id is ≥ `numericId` (records are kept sorted by numericId). */
export function lowerBound(records: readonly CrmRecord[], numericId: number): number {
  let low = 0
  let high = records.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((records[mid]?.numericId ?? Infinity) < numericId) low = mid + 1
    else high = mid
  }
  return low
}

/** Ids only grow, so this is almost always an append; restores land in the middle. */
export function insertSorted(records: CrmRecord[], record: CrmRecord): void {
  const last = records[records.length - 1]
  if (!last || last.numericId < record.numericId) {
    records.push(record)
    return
  }
  records.splice(lowerBound(records, record.numericId), 0, record)
}

export function removeSorted(records: CrmRecord[], record: CrmRecord): void {
  const index = lowerBound(records, record.numericId)
  if (records[index] === record) records.splice(index, 1)
}
