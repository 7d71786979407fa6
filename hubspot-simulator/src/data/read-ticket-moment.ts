import type { CompanyTicketsInput } from './company-tickets-input'
import type { TicketMoment } from './ticket-moment'
import { dayMs, weekOf } from './time-grid'

export function emptyTicketMoment(): TicketMoment {
  return { at: 0, health: 0, incident: 0, flags: 0, onboarding: false, leaving: false, priceWindow: false }
}

/** Fills `moment` for a ticket written at `at` (one object reused per company: a million tickets, not a million objects). */
export function readTicketMoment(moment: TicketMoment, input: CompanyTicketsInput, at: number): TicketMoment {
  const { grid, world, life, traits } = input
  const week = Math.min(grid.weeks - 1, Math.max(0, weekOf(grid, at)))
  moment.at = at
  moment.health = life.health[week] ?? 0
  moment.incident =
    Math.max(world.incident[week] ?? 0, 0.5 * (world.incident[week - 1] ?? 0)) * traits.incidentSensitivity
  moment.flags = life.flags[week] ?? 0
  moment.onboarding = at - traits.customerSince < 8 * 7 * dayMs
  moment.leaving = life.decidedAt !== null && at >= life.decidedAt
  moment.priceWindow =
    world.priceIncreaseWeek >= 0 && week >= world.priceIncreaseWeek && week < world.priceIncreaseWeek + 26
  return moment
}
