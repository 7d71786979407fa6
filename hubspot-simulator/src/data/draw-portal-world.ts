import type { FastRandom } from './fast-random'
import type { PortalWorld } from './portal-world'
import type { TimeGrid } from './time-grid'
import { dayMs, weekStart } from './time-grid'

/** The vendor side of a portal: its seasons, its outages, one price change, its customers' typical size. */
export function drawPortalWorld(random: FastRandom, grid: TimeGrid): PortalWorld {
  const season = new Float64Array(grid.weeks)
  const incident = new Float64Array(grid.weeks)
  for (let week = 0; week < grid.weeks; week++) {
    season[week] = seasonFactor(new Date(weekStart(grid, week) + 3.5 * dayMs))
    // About four incidents a year, most minor; the occasional bad release hurts for real.
    if (random.chance(4 / 52))
      incident[week] = Math.min(1, random.chance(0.25) ? random.between(0.5, 1) : random.between(0.1, 0.4))
  }
  return {
    season,
    incident,
    priceIncreaseWeek: random.chance(0.8) ? random.int(20, grid.weeks - 4) : -1,
    sizeMedian: Math.round(Math.exp(random.between(Math.log(15), Math.log(400)))),
    supportSlowness: random.between(0.6, 1.8),
    blankPriorityShare: random.chance(0.4) ? random.between(0.03, 0.15) : 0,
  }
}

function seasonFactor(mid: Date): number {
  const month = mid.getUTCMonth()
  const day = mid.getUTCDate()
  if ((month === 11 && day >= 20) || (month === 0 && day <= 3)) return 0.45
  if (month === 7) return 0.75
  if (month === 6) return 0.9
  const quarterEnd = (month === 2 || month === 5 || month === 8 || month === 11) && day >= 15
  return quarterEnd ? 1.15 : 1
}
