import type { ticketSources } from '../crm/property-definitions'
import type { ChurnPattern } from './churn-patterns'
import { drawTicketTimes } from './draw-ticket-times'
import type { FastRandom } from './fast-random'
import type { GeneratedTicket } from './generated-records'
import type { CompanyPlan } from './plan-companies'
import { dayMs } from './plan-companies'
import type { TicketText } from './ticket-text'
import {
  benignCancelText,
  cancellationText,
  frustrationText,
  mildlyAnnoyedText,
  neutralText,
  reopenedText,
} from './ticket-text'

const hourMs = 3_600_000
const healthyPriorities = [
  ['LOW', 45],
  ['MEDIUM', 42],
  ['HIGH', 11],
  ['URGENT', 2],
] as const
const escalatedPriorities = [
  ['LOW', 10],
  ['MEDIUM', 25],
  ['HIGH', 40],
  ['URGENT', 25],
] as const
const categoryWeights = [
  ['PRODUCT_ISSUE', 40],
  ['GENERAL_INQUIRY', 30],
  ['BILLING_ISSUE', 15],
  ['FEATURE_REQUEST', 15],
] as const
const sourceWeights = [
  ['EMAIL', 45],
  ['CHAT', 25],
  ['FORM', 20],
  ['PHONE', 10],
] as const satisfies readonly (readonly [(typeof ticketSources)[number], number])[]

interface TicketContext {
  now: number
  companyIndex: number
  contactIndices: readonly number[]
}

/** Which tickets carry which marker, decided per company so every marked pattern is visible at least twice. */
interface Markers {
  signal: Set<number>
  cancellation: Set<number>
  frustration: Set<number>
  reopened: Set<number>
  urgent: number
  annoyed: number
  benignCancel: number
  staleOpen: number
}

/** One company's tickets: times from its plan, then priority, text, stage and close times per ticket. */
export function generateCompanyTickets(random: FastRandom, plan: CompanyPlan, ctx: TicketContext): GeneratedTicket[] {
  const times = drawTicketTimes(random, plan, ctx.now)
  const markers = chooseMarkers(random, plan, times, ctx.now)
  const has = (pattern: ChurnPattern): boolean => plan.patterns.includes(pattern)

  return times.map((createdAt, index) => {
    const inSignal = markers.signal.has(index)
    const priority =
      index === markers.urgent
        ? 'URGENT'
        : random.weighted(inSignal && has('priority_escalation') ? escalatedPriorities : healthyPriorities)
    const text = ticketText(random, markers, index)
    const reopened = markers.reopened.has(index)

    const slow = inSignal && has('slow_resolution')
    const median = slow ? 14 * dayMs : (priority === 'URGENT' ? 0.75 : 1.5) * dayMs
    const timeToClose = clamp(
      random.logNormal(Math.log(median), slow ? 0.5 : 0.9),
      slow ? 4 * dayMs : hourMs / 3,
      slow ? 60 * dayMs : 21 * dayMs,
    )
    const closedAt = createdAt + Math.round(timeToClose)
    const stuck = has('growing_backlog') && createdAt >= ctx.now - 120 * dayMs && random.chance(0.55)
    const open = reopened || stuck || index === markers.staleOpen || closedAt > ctx.now

    const properties: Record<string, string> = {
      subject: text.subject,
      content: text.content,
      hs_pipeline: '0',
      hs_pipeline_stage: open ? openStage(random, reopened, ctx.now - createdAt) : '4',
      hs_ticket_priority: priority,
      hs_ticket_category: text.category,
      source_type: random.weighted(sourceWeights),
    }
    if (!open) {
      properties.closed_date = new Date(closedAt).toISOString()
      properties.time_to_close = String(closedAt - createdAt)
    }
    const updatedAt = open
      ? createdAt + Math.floor(random.next() * (ctx.now - createdAt))
      : Math.min(ctx.now, closedAt + random.int(0, 2 * hourMs))
    return {
      properties,
      createdAt,
      updatedAt,
      companyIndex: ctx.companyIndex,
      contactIndex: random.pick(ctx.contactIndices),
    }
  })
}

function ticketText(random: FastRandom, markers: Markers, index: number): TicketText {
  let text: TicketText
  if (markers.cancellation.has(index)) text = cancellationText(random)
  else if (markers.frustration.has(index)) text = frustrationText(random)
  else if (index === markers.annoyed) text = mildlyAnnoyedText(random, random.weighted(categoryWeights))
  else if (index === markers.benignCancel) text = benignCancelText()
  else text = neutralText(random, random.weighted(categoryWeights))
  return markers.reopened.has(index) ? reopenedText(text) : text
}

/** New for the first two days, then waiting on the customer or on us; reopened tickets wait on us. */
function openStage(random: FastRandom, reopened: boolean, ageMs: number): string {
  if (reopened) return '3'
  if (ageMs < 2 * dayMs) return '1'
  return random.chance(0.4) ? '2' : '3'
}

function chooseMarkers(random: FastRandom, plan: CompanyPlan, times: readonly number[], now: number): Markers {
  const all = times.map((_, index) => index)
  const signalIndices = plan.churning
    ? all.filter((index) => (times[index] ?? 0) >= plan.signalStart && (times[index] ?? 0) <= plan.signalEnd)
    : []
  // Too few tickets in the window (small companies): the latest ones carry the language instead.
  // Two language patterns can need two tickets each, so fewer than four carriers isn't enough.
  const carriers = signalIndices.length >= 4 ? signalIndices : all.slice(-6)
  const some = (pool: readonly number[], share: number): Set<number> =>
    new Set(random.shuffle([...pool]).slice(0, Math.min(pool.length, Math.max(2, Math.round(pool.length * share)))))
  const has = (pattern: ChurnPattern): boolean => plan.patterns.includes(pattern)

  const cancellation = has('cancellation_language') ? some(carriers, 0.3) : new Set<number>()
  const frustration = has('frustration_language')
    ? some(
        carriers.filter((index) => !cancellation.has(index)),
        0.4,
      )
    : new Set<number>()
  const olderThanMonth = all.filter((index) => (times[index] ?? now) < now - 30 * dayMs)
  const any = (enabled: boolean, pool: readonly number[]): number =>
    enabled && pool.length > 0 ? random.pick(pool) : -1
  return {
    signal: new Set(signalIndices),
    cancellation,
    frustration,
    reopened: has('reopened_tickets') ? some(carriers, 0.3) : new Set<number>(),
    urgent: any(plan.noise.urgentTicket, all),
    annoyed: any(plan.noise.annoyedTicket, all),
    benignCancel: any(plan.noise.benignCancel, all),
    staleOpen: any(plan.noise.staleOpen, olderThanMonth),
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
