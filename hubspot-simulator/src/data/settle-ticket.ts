import type { ticketPriorities } from '../crm/property-definitions'
import type { CompanyTicketsInput } from './company-tickets-input'
import type { FastRandom } from './fast-random'
import type { GeneratedHistoryEntry, GeneratedTicket } from './generated-records'
import { reopenedLines } from './ticket-phrases'
import type { TicketMoment } from './ticket-moment'
import type { TicketTopic } from './ticket-topic'
import { dayMs, hourMs } from './time-grid'

type Priority = (typeof ticketPriorities)[number]

const medianCloseDays: Record<TicketTopic, number> = {
  howto: 0.6,
  bug: 3,
  performance: 2,
  outage: 0.4,
  billing: 1,
  pricing: 1.5,
  feature: 8,
  integration: 2.5,
  admin: 0.5,
  data: 1.5,
  account: 1.2,
  launch: 1,
  onboarding: 1.5,
}
const priorityPace: Record<Priority, number> = { LOW: 1.3, MEDIUM: 1, HIGH: 0.75, URGENT: 0.5 }
/** One Date reused for ISO strings: a million closed tickets need no million Date objects. */
const isoDate = new Date(0)

/**
 * Where the ticket stands now: its stage, close date and time to close. Close times follow the topic, the
 * priority, the support team's speed, outages and the account's trouble; customers who stop replying leave
 * tickets waiting for weeks; a reopened ticket keeps both closings in its stage and close-date history.
 * Returns when the ticket first closed.
 */
export function settleTicket(
  random: FastRandom,
  ticket: GeneratedTicket,
  topic: TicketTopic,
  priority: Priority | null,
  moment: TicketMoment,
  input: CompanyTicketsInput,
  reopened: boolean,
): number {
  const { now } = input.grid
  const { traits, world } = input
  const churnAt = input.life.churnAt
  const trouble = Math.max(0, -moment.health)
  const median =
    medianCloseDays[topic] *
    world.supportSlowness *
    (1 + 1.5 * moment.incident) *
    (1 + 0.35 * trouble) *
    (priority ? priorityPace[priority] : 1.1)
  const unresponsive = (traits.voice === 'quiet' || moment.leaving) && random.chance(0.25)
  let closeAt =
    ticket.createdAt +
    Math.round(clamp(random.logNormal(Math.log(median * dayMs), 0.9), 15 * 60_000, 150 * dayMs)) +
    (unresponsive ? random.int(7 * dayMs, 21 * dayMs) : 0)
  // Agents tidy up a departed customer's open tickets within a few weeks.
  if (churnAt !== null && churnAt < now && closeAt > churnAt)
    closeAt = Math.max(ticket.createdAt, churnAt) + random.int(1 * dayMs, 21 * dayMs)
  const firstClose = closeAt
  const reopenAt = reopened && closeAt < now ? closeAt + random.int(0.2 * dayMs, 10 * dayMs) : Infinity
  if (reopenAt < now) {
    const finalClose =
      reopenAt +
      Math.round(clamp(random.logNormal(Math.log(2 * world.supportSlowness * dayMs), 0.8), hourMs, 60 * dayMs))
    const stages: GeneratedHistoryEntry[] = [
      { value: '1', at: ticket.createdAt, by: 'user' },
      { value: '4', at: closeAt, by: 'user' },
      { value: '3', at: reopenAt, by: 'user' },
    ]
    const closings: GeneratedHistoryEntry[] = [
      { value: new Date(closeAt).toISOString(), at: closeAt, by: 'system' },
      { value: '', at: reopenAt, by: 'system' },
    ]
    if (finalClose <= now) {
      stages.push({ value: '4', at: finalClose, by: 'user' })
      closings.push({ value: new Date(finalClose).toISOString(), at: finalClose, by: 'system' })
    }
    ticket.history = { ...ticket.history, hs_pipeline_stage: stages, closed_date: closings }
    if (random.chance(0.5))
      ticket.properties.content = `${ticket.properties.content ?? ''} ${random.pick(reopenedLines)}`
    closeAt = finalClose
  }
  if (closeAt <= now) {
    isoDate.setTime(closeAt)
    ticket.properties.hs_pipeline_stage = '4'
    ticket.properties.closed_date = isoDate.toISOString()
    ticket.properties.time_to_close = String(closeAt - ticket.createdAt)
    ticket.updatedAt = Math.min(now, closeAt + random.int(0, 2 * hourMs))
    return firstClose
  }
  const age = now - ticket.createdAt
  const wroteBack = reopenAt < now
  const waiting = random.chance(traits.voice === 'quiet' || moment.leaving ? 0.65 : 0.4)
  ticket.properties.hs_pipeline_stage = wroteBack ? '3' : age < dayMs ? '1' : waiting ? '2' : '3'
  ticket.updatedAt = Math.max(wroteBack ? reopenAt : 0, ticket.createdAt + Math.floor(random.next() * age))
  return firstClose
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
