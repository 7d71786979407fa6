import type { ticketPriorities, ticketSources } from '../crm/property-definitions'
import type { AccountLife, AccountTraits, ChurnCause } from './account'
import { weekFlag } from './account'
import { drawTicketTime, pickWeek } from './draw-ticket-time'
import type { FastRandom } from './fast-random'
import type { GeneratedHistoryEntry, GeneratedTicket } from './generated-records'
import { exportTemplates, finalTemplates, noticeTemplates } from './leaving-phrases'
import type { PortalWorld } from './portal-world'
import { benignTemplates, reopenedLines, topicTemplates } from './ticket-phrases'
import { weightedIndex } from './weighted-index'
import type { TicketTemplate } from './ticket-phrases'
import type { TextPool } from './text-pool'
import type { TimeGrid } from './time-grid'
import { dayMs, hourMs, weekOf, weekStart } from './time-grid'
import type { TicketTone, TicketTopic } from './ticket-topic'
import { ticketTopics, topicCategory } from './ticket-topic'

type Priority = (typeof ticketPriorities)[number]

export interface CompanyTicketsInput {
  world: PortalWorld
  grid: TimeGrid
  traits: AccountTraits
  life: AccountLife
  weights: Float64Array
  count: number
  companyIndex: number
  contactIndices: readonly number[]
  texts: TextPool
}

/** A leaving ticket: which family of texts it is written from, numbered for the text pool. */
interface LeavingTicket {
  kind: number
  family: readonly TicketTemplate[]
}

/** Text-pool numbers beyond the topics' own (0–12). */
const kinds = { benign: 13, export: 14, final: 15, notice: 16 } as const
const toneIndex: Record<TicketTone, number> = { positive: 0, neutral: 1, frustrated: 2, angry: 3 }
const causeIndex: Record<ChurnCause, number> = { product: 0, price: 1, competitor: 2, budget: 3, acquired: 4, unknown: 5 }

/** The state of the account when a ticket was written: what its topic, tone, priority and speed follow from. */
interface Moment {
  at: number
  health: number
  incident: number
  flags: number
  onboarding: boolean
  leaving: boolean
  priceWindow: boolean
}

const baseTopicWeights: Record<TicketTopic, number> = {
  howto: 24, bug: 22, performance: 5, outage: 0, billing: 8, pricing: 0, feature: 11, integration: 7, admin: 10, data: 8, account: 3, launch: 0, onboarding: 0,
}
const priorityWeights: Record<TicketTopic, readonly [number, number, number, number]> = {
  howto: [55, 38, 6, 1], bug: [15, 45, 30, 10], performance: [10, 40, 35, 15], outage: [0, 5, 40, 55], billing: [40, 50, 9, 1], pricing: [30, 55, 13, 2],
  feature: [70, 27, 3, 0], integration: [15, 45, 30, 10], admin: [45, 45, 9, 1], data: [30, 50, 17, 3], account: [45, 45, 9, 1], launch: [20, 45, 30, 5],
  onboarding: [35, 50, 13, 2],
}
const priorityLevels: readonly Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT']
const medianCloseDays: Record<TicketTopic, number> = {
  howto: 0.6, bug: 3, performance: 2, outage: 0.4, billing: 1, pricing: 1.5, feature: 8, integration: 2.5, admin: 0.5, data: 1.5, account: 1.2, launch: 1, onboarding: 1.5,
}
const priorityPace: Record<Priority, number> = { LOW: 1.3, MEDIUM: 1, HIGH: 0.75, URGENT: 0.5 }
const sources: readonly (typeof ticketSources)[number][] = ['EMAIL', 'CHAT', 'FORM', 'PHONE']
const sourceWeights = [45, 25, 20, 10]
const reopenable = new Set<TicketTopic>(['bug', 'integration', 'performance', 'data'])
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

/**
 * One company's tickets: creation weeks drawn from its weekly weights, then each ticket's words, priority and
 * handling from the account's state that week. A customer that decided to leave may send a notice, ask for
 * its data, and write once more after the contract ended; none of that is certain.
 */
export function generateCompanyTickets(random: FastRandom, input: CompanyTicketsInput): GeneratedTicket[] {
  const { grid, traits, life, count } = input
  if (count <= 0 || input.contactIndices.length === 0) return []
  const cumulative = new Float64Array(input.weights.length)
  let running = 0
  for (let week = 0; week < input.weights.length; week++) cumulative[week] = running += input.weights[week] ?? 0
  if (running <= 0) return []
  const until = Math.min(grid.now, life.churnAt ?? Infinity)
  const firstWeekday = new Date(grid.start).getUTCDay()
  const times: number[] = []
  for (let index = 0; index < count; index++) {
    const week = pickWeek(cumulative, random.next() * running)
    times.push(drawTicketTime(random, weekStart(grid, week), firstWeekday, traits.customerSince, until))
  }
  const specials = planLeavingTickets(random, input, times)
  const ordinary = Float64Array.from(times.filter((_, index) => !specials.has(index))).sort()
  const leaving = [...specials].map(([index, ticket]) => ({ at: times[index] ?? 0, ticket })).sort((a, b) => a.at - b.at)
  const tickets: GeneratedTicket[] = []
  const moment = emptyMoment()
  let next = 0
  for (const at of ordinary) {
    for (; next < leaving.length && (leaving[next]?.at ?? Infinity) <= at; next++) tickets.push(makeTicket(random, input, momentAt(moment, input, leaving[next]?.at ?? at), leaving[next]?.ticket))
    tickets.push(makeTicket(random, input, momentAt(moment, input, at), undefined))
  }
  for (; next < leaving.length; next++) tickets.push(makeTicket(random, input, momentAt(moment, input, leaving[next]?.at ?? 0), leaving[next]?.ticket))
  return tickets
}

function emptyMoment(): Moment {
  return { at: 0, health: 0, incident: 0, flags: 0, onboarding: false, leaving: false, priceWindow: false }
}

/** Leaving tickets replace ordinary ones (the count stays what the portal asked for). Index → template. */
function planLeavingTickets(random: FastRandom, input: CompanyTicketsInput, times: number[]): Map<number, LeavingTicket> {
  const { life, traits, grid } = input
  const specials = new Map<number, LeavingTicket>()
  if (life.decidedAt === null || life.churnAt === null || life.cause === null || life.decidedAt > grid.now) return specials
  const free = random.shuffle(times.map((_, index) => index))
  const place = (ticket: LeavingTicket, at: number): void => {
    const index = free.pop()
    if (index === undefined || at > grid.now || at < traits.customerSince) return
    times[index] = at
    specials.set(index, ticket)
  }
  const noticeChance = traits.voice === 'quiet' ? 0.3 : traits.voice === 'loud' ? 0.5 : 0.4
  if (random.chance(noticeChance)) place({ kind: kinds.notice + causeIndex[life.cause], family: noticeTemplates[life.cause] }, Math.min(life.churnAt - dayMs, life.decidedAt + random.int(1 * dayMs, 20 * dayMs)))
  if (random.chance(0.35)) place({ kind: kinds.export, family: exportTemplates }, Math.max(life.decidedAt, life.churnAt - random.int(3 * dayMs, 30 * dayMs)))
  if (random.chance(0.25)) place({ kind: kinds.final, family: finalTemplates }, life.churnAt + random.int(1 * dayMs, 20 * dayMs))
  return specials
}

/** Fills `moment` (reused across one company's tickets: a million tickets must not mean a million objects). */
function momentAt(moment: Moment, input: CompanyTicketsInput, at: number): Moment {
  const { grid, world, life, traits } = input
  const week = Math.min(grid.weeks - 1, Math.max(0, weekOf(grid, at)))
  moment.at = at
  moment.health = life.health[week] ?? 0
  moment.incident = Math.max(world.incident[week] ?? 0, 0.5 * (world.incident[week - 1] ?? 0)) * traits.incidentSensitivity
  moment.flags = life.flags[week] ?? 0
  moment.onboarding = at - traits.customerSince < 8 * 7 * dayMs
  moment.leaving = life.decidedAt !== null && at >= life.decidedAt
  moment.priceWindow = world.priceIncreaseWeek >= 0 && week >= world.priceIncreaseWeek && week < world.priceIncreaseWeek + 26
  return moment
}

const topicWeights = new Float64Array(ticketTopics.length)
const baseWeights = Float64Array.from(ticketTopics.map((topic) => baseTopicWeights[topic]))
const at = Object.fromEntries(ticketTopics.map((topic, index) => [topic, index])) as Record<TicketTopic, number>

function chooseTopic(random: FastRandom, moment: Moment): TicketTopic {
  const trouble = Math.max(0, -moment.health)
  const weights = topicWeights
  weights.set(baseWeights)
  weights[at.bug] = baseTopicWeights.bug * (1 + 0.5 * trouble) * (moment.flags & weekFlag.bugCluster ? 3 : 1) * (1 + 2 * moment.incident)
  weights[at.performance] = baseTopicWeights.performance * (1 + 0.4 * trouble) * (1 + 3 * moment.incident)
  weights[at.outage] = 40 * moment.incident
  if (moment.onboarding) {
    weights[at.onboarding] = 30
    weights[at.howto] = baseTopicWeights.howto * 2
    weights[at.admin] = baseTopicWeights.admin * 2
    weights[at.integration] = baseTopicWeights.integration * 1.5
  }
  if (moment.flags & weekFlag.launch) weights[at.launch] = 25
  if (moment.priceWindow) weights[at.pricing] = 10
  if (moment.leaving) {
    weights[at.data] = baseTopicWeights.data * 2
    weights[at.account] = baseTopicWeights.account * 3
  }
  return ticketTopics[weightedIndex(random.next(), weights)] ?? 'howto'
}

function chooseTone(random: FastRandom, traits: AccountTraits, moment: Moment, topic: TicketTopic): TicketTone {
  const trouble = Math.max(0, -moment.health)
  const voice = traits.voice === 'loud' ? 0.7 : traits.voice === 'quiet' ? -0.7 : 0
  const problem = topic === 'bug' || topic === 'outage' || topic === 'performance' || topic === 'integration' ? 0.6 : -0.6
  const negative = sigmoid(-3.1 + 1.8 * trouble - 0.3 * moment.health + voice + 2 * moment.incident + (moment.flags & weekFlag.bugCluster ? 0.7 : 0) + (traits.loyalLoud ? 1.2 : 0) + problem)
  if (random.chance(negative)) return random.chance(sigmoid(-1.2 + trouble + (traits.voice === 'loud' ? 0.8 : 0) + (traits.loyalLoud ? 0.8 : 0))) ? 'angry' : 'frustrated'
  return random.chance(Math.min(0.35, 0.12 + 0.08 * Math.max(0, moment.health))) ? 'positive' : 'neutral'
}

function choosePriority(random: FastRandom, traits: AccountTraits, topic: TicketTopic, tone: TicketTone): number {
  if (traits.priorityInflation && random.chance(0.75)) return random.chance(0.5) ? 2 : 3
  let level = weightedIndex(random.next(), priorityWeights[topic])
  if ((tone === 'angry' && random.chance(0.7)) || (tone === 'frustrated' && random.chance(0.4))) level = Math.min(3, level + 1)
  return level
}

function makeTicket(random: FastRandom, input: CompanyTicketsInput, moment: Moment, special: LeavingTicket | undefined): GeneratedTicket {
  const { traits, life, grid, world } = input
  const topic: TicketTopic = special ? 'account' : chooseTopic(random, moment)
  const benign = !special && random.chance(0.03)
  const tone: TicketTone = special ? (traits.voice === 'loud' && life.cause === 'product' && random.chance(0.5) ? 'frustrated' : 'neutral') : benign ? 'neutral' : chooseTone(random, traits, moment, topic)
  const level = special || benign ? 1 : choosePriority(random, traits, topic, tone)
  const negative = tone === 'angry' || tone === 'frustrated'
  const family = special ? special.family : benign ? benignTemplates : topic === 'data' && random.chance(0.15) ? exportTemplates : topicTemplates[topic]
  const threat = !special && random.chance(tone === 'angry' ? 0.3 : tone === 'frustrated' ? 0.05 : 0)
  const negation = !special && random.chance(negative ? (traits.loyalLoud ? 0.3 : moment.leaving ? 0.04 : 0.08) : 0.004)
  const source = special ? special.kind : benign ? kinds.benign : family === exportTemplates ? kinds.export : at[topic]
  const kind = source * 16 + toneIndex[tone] * 4 + (threat ? 2 : 0) + (negation ? 1 : 0)
  const words = input.texts.pick(random, kind, family, tone, { threat, negation })
  const priority = random.chance(world.blankPriorityShare) ? null : priorityLevels[level] ?? 'MEDIUM'
  const ticket: GeneratedTicket = {
    properties: { subject: words.subject, content: words.content, hs_pipeline: '0', hs_pipeline_stage: '1', source_type: sources[weightedIndex(random.next(), sourceWeights)] ?? 'EMAIL' },
    createdAt: moment.at,
    updatedAt: moment.at,
    companyIndex: input.companyIndex,
    contactIndex: random.pick(input.contactIndices),
  }
  if (priority) ticket.properties.hs_ticket_priority = priority
  if (random.chance(0.92)) ticket.properties.hs_ticket_category = topicCategory[topic]
  const reopenChance = reopenable.has(topic) && !special ? 0.05 + 0.06 * Math.max(0, -moment.health) + (traits.voice === 'loud' ? 0.03 : 0) : 0
  const firstClose = handle(random, ticket, topic, priority, moment, input, random.chance(reopenChance))
  const escalated = (tone === 'angry' && random.chance(0.45)) || (tone === 'frustrated' && random.chance(0.25))
  if (priority && escalated && level > 0) escalate(random, ticket, priorityLevels[level - 1] ?? 'LOW', priority, Math.min(grid.now, firstClose))
  return ticket
}

/** The customer pushed: the ticket started one level lower and was raised hours to days later, while still open. */
function escalate(random: FastRandom, ticket: GeneratedTicket, from: Priority, to: Priority, before: number): void {
  const at = ticket.createdAt + random.int(2 * hourMs, 3 * dayMs)
  if (at >= before) return
  ticket.history = { ...ticket.history, hs_ticket_priority: [{ value: from, at: ticket.createdAt, by: 'user' }, { value: to, at, by: 'user' }] }
  ticket.updatedAt = Math.max(ticket.updatedAt, at)
}

/**
 * Stage, close date and time to close as of now; a reopened ticket keeps its stage changes in its history.
 * Returns when the ticket first closed.
 */
function handle(random: FastRandom, ticket: GeneratedTicket, topic: TicketTopic, priority: Priority | null, moment: Moment, input: CompanyTicketsInput, reopened: boolean): number {
  const { now } = input.grid
  const { traits, world } = input
  const churnAt = input.life.churnAt
  const trouble = Math.max(0, -moment.health)
  const median = medianCloseDays[topic] * world.supportSlowness * (1 + 1.5 * moment.incident) * (1 + 0.35 * trouble) * (priority ? priorityPace[priority] : 1.1)
  const unresponsive = (traits.voice === 'quiet' || moment.leaving) && random.chance(0.25)
  let closeAt = ticket.createdAt + Math.round(clamp(random.logNormal(Math.log(median * dayMs), 0.9), 15 * 60_000, 150 * dayMs)) + (unresponsive ? random.int(7 * dayMs, 21 * dayMs) : 0)
  // Agents tidy up a departed customer's open tickets within a few weeks.
  if (churnAt !== null && churnAt < now && closeAt > churnAt) closeAt = Math.max(ticket.createdAt, churnAt) + random.int(1 * dayMs, 21 * dayMs)
  const firstClose = closeAt
  const reopenAt = reopened && closeAt < now ? closeAt + random.int(0.2 * dayMs, 10 * dayMs) : Infinity
  if (reopenAt < now) {
    // Closed, then the customer wrote back: the stage and close-date history keep both closings.
    const finalClose = reopenAt + Math.round(clamp(random.logNormal(Math.log(2 * world.supportSlowness * dayMs), 0.8), hourMs, 60 * dayMs))
    const stages: GeneratedHistoryEntry[] = [{ value: '1', at: ticket.createdAt, by: 'user' }, { value: '4', at: closeAt, by: 'user' }, { value: '3', at: reopenAt, by: 'user' }]
    const closings: GeneratedHistoryEntry[] = [{ value: new Date(closeAt).toISOString(), at: closeAt, by: 'system' }, { value: '', at: reopenAt, by: 'system' }]
    if (finalClose <= now) {
      stages.push({ value: '4', at: finalClose, by: 'user' })
      closings.push({ value: new Date(finalClose).toISOString(), at: finalClose, by: 'system' })
    }
    ticket.history = { hs_pipeline_stage: stages, closed_date: closings }
    if (random.chance(0.5)) ticket.properties.content = `${ticket.properties.content ?? ''} ${random.pick(reopenedLines)}`
    closeAt = finalClose
  }
  if (closeAt <= now) {
    isoDate.setTime(closeAt)
    const closedDate = isoDate.toISOString()
    ticket.properties.hs_pipeline_stage = '4'
    ticket.properties.closed_date = closedDate
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

/** One Date reused for ISO strings: a million closed tickets need no million Date objects. */
const isoDate = new Date(0)

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
