import type { AccountTraits, Voice } from './account'
import type { FastRandom } from './fast-random'
import type { PortalWorld } from './portal-world'
import type { TimeGrid } from './time-grid'
import { dayMs, weekMs, yearMs } from './time-grid'

const voices = [
  ['loud', 25],
  ['normal', 50],
  ['quiet', 25],
] as const satisfies readonly (readonly [Voice, number])[]

/**
 * A customer: log-normal size around the portal's typical one, and a signing date. About 40% were customers
 * before the history starts (up to four years before), most joined during it (a growing business signs more
 * lately), and some in the last few weeks.
 */
export function drawAccountTraits(random: FastRandom, world: PortalWorld, grid: TimeGrid): AccountTraits {
  const employees = Math.max(2, Math.round(random.logNormal(Math.log(world.sizeMedian), 1.1)))
  const cohort = random.weighted([
    ['established', 40],
    ['history', 55],
    ['new', 5],
  ] as const)
  let customerSince: number
  if (cohort === 'established') customerSince = grid.start - random.between(0, 4 * yearMs)
  else if (cohort === 'new') customerSince = grid.now - random.between(0, 6 * weekMs)
  // sqrt of a uniform leans toward recent dates: signings grew over the period.
  else customerSince = grid.start + Math.sqrt(random.next()) * (grid.now - grid.start)
  customerSince -= customerSince % dayMs
  const voice = random.weighted(voices)
  const loyalLoud = random.chance(0.08)
  const seats = Math.max(3, Math.round(employees * random.between(0.15, 0.6)))
  return {
    employees,
    customerSince,
    fit: random.normal() * 0.45,
    voice: loyalLoud ? 'loud' : voice,
    loyalLoud,
    ticketPropensity: random.logNormal(0, 0.45),
    priorityInflation: random.chance(0.08),
    incidentSensitivity: random.between(0.3, 1.5),
    priceSensitivity: Math.min(2, random.between(0.3, 1.2) * Math.pow(world.sizeMedian / employees, 0.3)),
    arr: Math.round((seats * random.between(300, 900)) / 100) * 100,
  }
}
