import type { CrmRecord } from '../crm-record'

/**
 * HubSpot's CRM search is eventually consistent: a write can take seconds to reach the index, and not every write
 * takes equally long, so search can show a later change before an earlier one. Each write here reaches the index
 * `lagMs × share` after it was made, with the share (in [0, 1)) fixed by the record and the write's time; until then
 * search does not see the record (a created record is missing; an updated one is missing rather than stale, which a
 * client filtering on the modification time cannot tell apart).
 */
export function searchVisibleAt(record: Pick<CrmRecord, 'numericId' | 'updatedAt'>, lagMs: number): number {
  if (lagMs <= 0) return record.updatedAt
  return record.updatedAt + Math.floor(lagMs * writeShare(record.numericId, record.updatedAt))
}

/** A well-mixed 32-bit hash (murmur3's finaliser) of the record and the write time, as a fraction. */
function writeShare(numericId: number, updatedAt: number): number {
  let h = (numericId % 0x7fffffff) ^ Math.imul(updatedAt % 0x7fffffff, 0x9e3779b1)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 0x1_0000_0000
}
