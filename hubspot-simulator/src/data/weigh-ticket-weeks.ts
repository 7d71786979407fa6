import type { AccountLife, AccountTraits } from './account'
import { weekFlag } from './account'
import type { PortalWorld } from './portal-world'
import type { TimeGrid } from './time-grid'
import { weekOf } from './time-grid'

/**
 * Expected tickets per week (relative), for the weeks it was a customer up to now. Bigger and ticket-prone
 * teams file more; onboarding is busy; launches and outages spike; seasons matter. A troubled account files
 * more if it is loud and fewer if it is quiet (it stopped using the product), and one that has decided to
 * leave winds down, unless it left for reasons that never touched its use of the product.
 */
export function weighTicketWeeks(
  world: PortalWorld,
  grid: TimeGrid,
  traits: AccountTraits,
  life: AccountLife,
): Float64Array {
  const weights = new Float64Array(grid.nowWeek + 1)
  const size = Math.pow(traits.employees, 0.6) * traits.ticketPropensity
  const sinceWeek = weekOf(grid, traits.customerSince)
  // The last week with any time before the account's end (now, or the day it left). The week numbered `nowWeek`
  // starts at now: weighing it would draw tickets with nowhere to go but the last millisecond before now.
  const endWeek = weekOf(grid, Math.min(grid.now, life.churnAt ?? Infinity) - 1)
  const decidedWeek = life.decidedAt === null ? Infinity : weekOf(grid, life.decidedAt)
  const windDown =
    life.cause === 'product'
      ? traits.voice === 'loud'
        ? 0.9
        : traits.voice === 'quiet'
          ? 0.3
          : 0.55
      : traits.voice === 'quiet'
        ? 0.6
        : 0.85
  for (let week = life.firstWeek; week <= endWeek; week++) {
    const trouble = Math.max(0, -(life.health[week] ?? 0))
    const voice =
      traits.voice === 'loud'
        ? Math.exp(0.55 * trouble)
        : traits.voice === 'quiet'
          ? Math.exp(-0.6 * trouble)
          : Math.exp(0.25 * trouble)
    const onboarding = 1 + 2.2 * Math.exp(-(week - sinceWeek) / 4)
    const incident =
      1 +
      1.5 * (world.incident[week] ?? 0) * traits.incidentSensitivity +
      0.5 * (world.incident[week - 1] ?? 0) * traits.incidentSensitivity
    const flags = life.flags[week] ?? 0
    const events = (flags & weekFlag.launch ? 2.5 : 1) * (flags & weekFlag.bugCluster ? 2 : 1)
    weights[week] =
      size * (world.season[week] ?? 1) * onboarding * voice * incident * events * (week > decidedWeek ? windDown : 1)
  }
  return weights
}
