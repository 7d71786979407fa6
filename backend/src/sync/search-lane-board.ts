/** A part of a search lane's range handed to another reader: ids in (`from`, `to`]. */
export interface TakenRange {
  lane: number
  from: number
  to: number
  /** The known ids in it, ascending. */
  ids: number[]
}

/**
 * Where a first import's search lanes stand, shared with the association lane so that, once its own range is read,
 * it can take the top of the search lanes' ranges and read them on the 10-second budget (help-search-lanes.ts).
 * Search is capped at 5 requests a second whatever the portal's shape, so a fixed split between the two leaves one
 * of them idle at the end; taking work from the top of the busiest lane lets both finish together.
 *
 * A lane reads its upper bound here before each page, so a range taken from it is never searched afterwards (the
 * page already on its way may overlap it by one page: upserts make that harmless).
 */
export class SearchLaneBoard {
  private readonly lanes = new Map<number, { lastId: number; to: number }>()

  /** A search lane running in this pass, from where it stands. */
  add(index: number, lastId: number, to: number): void {
    this.lanes.set(index, { lastId, to })
  }

  /** The lane's current upper bound (lowered when the top of its range is taken). */
  upperBound(index: number, fallback: number): number {
    return this.lanes.get(index)?.to ?? fallback
  }

  progress(index: number, lastId: number): void {
    const lane = this.lanes.get(index)
    if (lane) lane.lastId = lastId
  }

  finished(index: number): void {
    this.lanes.delete(index)
  }

  /**
   * The top of the lane with the most known ids left to read: up to `most` of its highest known ids, leaving it at
   * least `keep` (`keep` ≥ 1); a lane with under twice `keep` left is about to finish and left alone. Null when no
   * lane has that much left. The lane's bound is lowered at once; the caller records the taken range before reading.
   */
  take(knownIds: ArrayLike<number>, most: number, keep: number): TakenRange | null {
    let best: { index: number; start: number; end: number } | null = null
    for (const [index, lane] of this.lanes) {
      const start = upperIndex(knownIds, lane.lastId)
      const end = upperIndex(knownIds, lane.to)
      if (!best || end - start > best.end - best.start) best = { index, start, end }
    }
    if (!best || best.end - best.start < 2 * keep) return null
    const lane = this.lanes.get(best.index)!
    const first = Math.max(best.start + keep, best.end - most)
    const from = knownIds[first - 1]!
    const ids = Array.from({ length: best.end - first }, (_, k) => knownIds[first + k]!)
    const taken = { lane: best.index, from, to: lane.to, ids }
    lane.to = from
    return taken
  }
}

/** How many of the ascending `ids` are ≤ `value` (binary search). */
function upperIndex(ids: ArrayLike<number>, value: number): number {
  let low = 0
  let high = ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (ids[mid]! <= value) low = mid + 1
    else high = mid
  }
  return low
}
