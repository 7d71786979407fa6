import type { ChurnPattern } from './churn-patterns'
import { assignPatterns } from './churn-patterns'
import type { FastRandom } from './fast-random'

export const dayMs = 86_400_000

/** Everything decided about a company before its records are generated. */
export interface CompanyPlan {
  churning: boolean
  patterns: ChurnPattern[]
  ticketCount: number
  contactCount: number
  /** Ticket creation times are drawn from these windows (ms epoch). */
  timing:
    | { kind: 'uniform' }
    | { kind: 'spike'; spikeStart: number; spikeShare: number }
    | { kind: 'silent'; heavyStart: number; heavyEnd: number }
  /** Churn patterns shape only tickets created in this window: the last ~75 days, or the heavy period before silence. */
  signalStart: number
  signalEnd: number
  /** Healthy-customer noise so the signals are not trivially separable. */
  noise: {
    urgentTicket: boolean
    annoyedTicket: boolean
    benignCancel: boolean
    incidentBurst: boolean
    staleOpen: boolean
  }
}

export interface PlanOptions {
  companies: number
  tickets: number
  contactsPerCompany: number
  churnShare: number
  now: number
}

/** Churning companies need enough tickets for their pattern to show. */
const minChurnerTickets = 12

export function planCompanies(random: FastRandom, options: PlanOptions): CompanyPlan[] {
  const { companies, now } = options
  const churnerCount = Math.min(companies, Math.round(companies * options.churnShare))
  const churning = random.shuffle(Array.from({ length: companies }, (_, index) => index < churnerCount))
  let churnerIndex = 0

  const plans = churning.map((isChurning): CompanyPlan => {
    const patterns = isChurning ? assignPatterns(random, churnerIndex++) : []
    const timing = planTiming(random, patterns, now)
    const signal =
      timing.kind === 'silent'
        ? { signalStart: timing.heavyStart, signalEnd: timing.heavyEnd }
        : { signalStart: now - 75 * dayMs, signalEnd: now }
    return {
      churning: isChurning,
      patterns,
      ticketCount: 0,
      contactCount: Math.max(
        1,
        Math.min(
          Math.round(options.contactsPerCompany * 2 + 1),
          Math.round(options.contactsPerCompany + random.normal() * 1.3),
        ),
      ),
      timing,
      ...signal,
      noise: {
        urgentTicket: !isChurning && random.chance(0.12),
        annoyedTicket: !isChurning && random.chance(0.08),
        benignCancel: !isChurning && random.chance(0.03),
        incidentBurst: !isChurning && random.chance(0.05),
        staleOpen: !isChurning && random.chance(0.04),
      },
    }
  })
  allocateTickets(random, plans, options.tickets)
  return plans
}

function planTiming(random: FastRandom, patterns: readonly ChurnPattern[], now: number): CompanyPlan['timing'] {
  if (patterns.includes('gone_silent')) {
    const heavyEnd = now - random.int(50, 110) * dayMs
    return { kind: 'silent', heavyStart: heavyEnd - random.int(60, 150) * dayMs, heavyEnd }
  }
  if (patterns.includes('volume_spike'))
    return { kind: 'spike', spikeStart: now - random.int(30, 60) * dayMs, spikeShare: random.between(0.45, 0.65) }
  return { kind: 'uniform' }
}

/** Splits the ticket total by company size (log-normal) and churn behaviour, exactly summing to `total`. */
function allocateTickets(random: FastRandom, plans: CompanyPlan[], total: number): void {
  if (plans.length === 0) return
  const weights = plans.map((plan) => random.logNormal(0, 0.7) * churnWeight(plan.patterns))
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  let assigned = 0
  plans.forEach((plan, index) => {
    plan.ticketCount = Math.floor((total * (weights[index] ?? 0)) / weightSum)
    assigned += plan.ticketCount
  })
  for (let index = 0; assigned < total; index = (index + 1) % plans.length, assigned++) {
    const plan = plans[index]
    if (plan) plan.ticketCount += 1
  }
  // Give churners their minimum, taken one ticket at a time from the busiest healthy companies.
  if (total < plans.length * minChurnerTickets) return
  const donors = plans.filter((plan) => !plan.churning).sort((a, b) => b.ticketCount - a.ticketCount)
  let donor = 0
  let fruitless = 0
  for (const plan of plans) {
    // `fruitless` stops the loop once a full round over the donors found none with tickets to spare.
    while (plan.churning && plan.ticketCount < minChurnerTickets && fruitless < donors.length) {
      const from = donors[donor % donors.length]
      donor += 1
      if (!from || from.ticketCount <= 2) {
        fruitless += 1
        continue
      }
      fruitless = 0
      from.ticketCount -= 1
      plan.ticketCount += 1
    }
  }
}

function churnWeight(patterns: readonly ChurnPattern[]): number {
  if (patterns.includes('volume_spike')) return 1.8
  if (patterns.includes('gone_silent')) return 1.4
  if (patterns.includes('growing_backlog')) return 1.3
  return patterns.length > 0 ? 1.1 : 1
}
