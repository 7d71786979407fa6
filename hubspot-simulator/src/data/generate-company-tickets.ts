import type { ticketPriorities, ticketSources } from '../crm/property-definitions'
import { chooseTicketPriority } from './choose-ticket-priority'
import { chooseTicketTone } from './choose-ticket-tone'
import { chooseTicketTopic, topicIndex } from './choose-ticket-topic'
import type { CompanyTicketsInput, LeavingTicket } from './company-tickets-input'
import { drawTicketTime, pickWeek } from './draw-ticket-time'
import type { FastRandom } from './fast-random'
import type { GeneratedTicket } from './generated-records'
import { exportTemplates } from './leaving-phrases'
import { planLeavingTickets } from './plan-leaving-tickets'
import { emptyTicketMoment, readTicketMoment } from './read-ticket-moment'
import { settleTicket } from './settle-ticket'
import { textKinds, toneIndex } from './text-kinds'
import { benignTemplates, topicTemplates } from './ticket-phrases'
import type { TicketMoment } from './ticket-moment'
import type { TicketTone, TicketTopic } from './ticket-topic'
import { topicCategory } from './ticket-topic'
import { dayMs, hourMs, weekStart } from './time-grid'
import { weightedIndex } from './weighted-index'

type Priority = (typeof ticketPriorities)[number]

const priorityLevels: readonly Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT']
const sources: readonly (typeof ticketSources)[number][] = ['EMAIL', 'CHAT', 'FORM', 'PHONE']
const sourceWeights = [45, 25, 20, 10]
const reopenable = new Set<TicketTopic>(['bug', 'integration', 'performance', 'data'])

/**
 * One company's tickets: creation weeks drawn from its weekly weights, then each ticket's words, priority and
 * handling from the account's state that week. A customer that decided to leave may send a notice, ask for
 * its data, and write once more after the contract ended (plan-leaving-tickets.ts).
 */
export function generateCompanyTickets(random: FastRandom, input: CompanyTicketsInput): GeneratedTicket[] {
  const { grid, traits, life, count } = input
  if (count <= 0 || input.contactIndices.length === 0) return []
  const cumulative = new Float64Array(input.weights.length)
  let running = 0
  for (let week = 0; week < input.weights.length; week++) cumulative[week] = running += input.weights[week] ?? 0
  if (running <= 0) return []
  const until = Math.min(grid.now, life.churnAt ?? Infinity)
  const firstWeekday = new Date(grid.start - (grid.start % dayMs)).getUTCDay()
  const times: number[] = []
  for (let index = 0; index < count; index++) {
    const week = pickWeek(cumulative, random.next() * running)
    times.push(drawTicketTime(random, weekStart(grid, week), firstWeekday, traits.customerSince, until))
  }
  const specials = planLeavingTickets(random, input, times)
  const ordinary = Float64Array.from(times.filter((_, index) => !specials.has(index))).sort()
  const leaving = [...specials]
    .map(([index, ticket]) => ({ at: times[index] ?? 0, ticket }))
    .sort((a, b) => a.at - b.at)
  const tickets: GeneratedTicket[] = []
  const moment = emptyTicketMoment()
  let next = 0
  const writeLeaving = (): void => {
    const planned = leaving[next++]
    if (planned) tickets.push(makeTicket(random, input, readTicketMoment(moment, input, planned.at), planned.ticket))
  }
  for (const at of ordinary) {
    while (next < leaving.length && (leaving[next]?.at ?? Infinity) <= at) writeLeaving()
    tickets.push(makeTicket(random, input, readTicketMoment(moment, input, at), undefined))
  }
  while (next < leaving.length) writeLeaving()
  return tickets
}

function makeTicket(
  random: FastRandom,
  input: CompanyTicketsInput,
  moment: TicketMoment,
  special: LeavingTicket | undefined,
): GeneratedTicket {
  const { traits, life, grid, world } = input
  const topic: TicketTopic = special ? 'account' : chooseTicketTopic(random, moment)
  const benign = !special && random.chance(0.03)
  const tone: TicketTone = special
    ? traits.voice === 'loud' && life.cause === 'product' && random.chance(0.5)
      ? 'frustrated'
      : 'neutral'
    : benign
      ? 'neutral'
      : chooseTicketTone(random, traits, moment, topic)
  const level = special || benign ? 1 : chooseTicketPriority(random, traits, topic, tone)
  const negative = tone === 'angry' || tone === 'frustrated'
  const family = special
    ? special.family
    : benign
      ? benignTemplates
      : topic === 'data' && random.chance(0.15)
        ? exportTemplates
        : topicTemplates[topic]
  const threat = !special && random.chance(tone === 'angry' ? 0.3 : tone === 'frustrated' ? 0.05 : 0)
  const negation = !special && random.chance(negative ? (traits.loyalLoud ? 0.3 : moment.leaving ? 0.04 : 0.08) : 0.004)
  const textSource = special
    ? special.kind
    : benign
      ? textKinds.benign
      : family === exportTemplates
        ? textKinds.export
        : topicIndex[topic]
  const words = input.texts.pick(
    random,
    textSource * 16 + toneIndex[tone] * 4 + (threat ? 2 : 0) + (negation ? 1 : 0),
    family,
    tone,
    { threat, negation },
  )
  const priority = random.chance(world.blankPriorityShare) ? null : (priorityLevels[level] ?? 'MEDIUM')
  const ticket: GeneratedTicket = {
    properties: {
      subject: words.subject,
      content: words.content,
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      source_type: sources[weightedIndex(random.next(), sourceWeights)] ?? 'EMAIL',
    },
    createdAt: moment.at,
    updatedAt: moment.at,
    companyIndex: input.companyIndex,
    contactIndex: random.pick(input.contactIndices),
  }
  if (priority) ticket.properties.hs_ticket_priority = priority
  if (random.chance(0.92)) ticket.properties.hs_ticket_category = topicCategory[topic]
  const reopenChance =
    reopenable.has(topic) && !special
      ? 0.05 + 0.06 * Math.max(0, -moment.health) + (traits.voice === 'loud' ? 0.03 : 0)
      : 0
  const firstClose = settleTicket(random, ticket, topic, priority, moment, input, random.chance(reopenChance))
  const escalated = (tone === 'angry' && random.chance(0.45)) || (tone === 'frustrated' && random.chance(0.25))
  if (priority && escalated && level > 0)
    escalate(random, ticket, priorityLevels[level - 1] ?? 'LOW', priority, Math.min(grid.now, firstClose))
  return ticket
}

/** The customer pushed: the ticket started one level lower and was raised hours to days later, while still open. */
function escalate(random: FastRandom, ticket: GeneratedTicket, from: Priority, to: Priority, before: number): void {
  const at = ticket.createdAt + random.int(2 * hourMs, 3 * dayMs)
  if (at >= before) return
  ticket.history = {
    ...ticket.history,
    hs_ticket_priority: [
      { value: from, at: ticket.createdAt, by: 'user' },
      { value: to, at, by: 'user' },
    ],
  }
  ticket.updatedAt = Math.max(ticket.updatedAt, at)
}
