import type { FastRandom } from './fast-random'
import { dayMs, hourMs, weekMs } from './time-grid'

/** Support mail arrives mostly Monday to Thursday, rarely at weekends; by UTC weekday, Sunday first. */
const weekdayWeights = [0.2, 1.15, 1.1, 1.05, 1, 0.85, 0.25]
const dayTotal = weekdayWeights.reduce((sum, weight) => sum + weight, 0)

/**
 * A creation time in week `week` (cumulative weights picked it) during business hours, clamped to
 * [from, until): the signing date, the churn date, now. `firstWeekday` is the UTC weekday of the day the week starts in.
 */
export function drawTicketTime(
  random: FastRandom,
  weekStartMs: number,
  firstWeekday: number,
  from: number,
  until: number,
): number {
  let roll = random.next() * dayTotal
  let day = 0
  for (; day < 6; day++) {
    roll -= weekdayWeights[(firstWeekday + day) % 7] ?? 0
    if (roll < 0) break
  }
  // Business hours are counted from the start of each UTC day, whatever time of day the grid's weeks start.
  const at = weekStartMs - (weekStartMs % dayMs) + day * dayMs + 12 * hourMs + Math.floor(random.next() * 11 * hourMs)
  if (at >= from && at < until) return at
  const low = Math.max(from, weekStartMs)
  const high = Math.min(until, weekStartMs + weekMs)
  return high > low ? low + Math.floor(random.next() * (high - low)) : Math.max(from, Math.min(until - 1, at))
}

/** Index of the first cumulative weight above `roll` (binary search). */
export function pickWeek(cumulative: Float64Array, roll: number): number {
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((cumulative[mid] ?? 0) <= roll) low = mid + 1
    else high = mid
  }
  return low
}
