import type { ChurnSignal } from '@churnlens/contracts'
import { churnSignals } from '@churnlens/contracts'
import { readSignals } from '../score-company'
import { computePortalBaseline } from '../signals/compute-portal-baseline'
import type { TicketFacts } from '../signals/ticket-facts'
import { tallyPortal } from '../signals/tally-portal'
import type { CompanyHistory } from './company-history'

const DAY = 86_400_000
export const BASELINE_WINDOW_DAYS = 90

/**
 * Every (company, cut-off) pair where the company was a customer, with what the signals read from
 * what was known then, and whether it churned within the horizon after. Columnar, so a million
 * tickets over two years of cut-offs stays small.
 */
export interface Observations {
  cutoffs: number[]
  horizonDays: number
  companyIds: string[]
  count: number
  company: Int32Array
  cutoff: Int32Array
  churned: Uint8Array
  /** Tickets in the 90 days before the cut-off: the simple baseline. */
  recentTickets: Float64Array
  /** Signal strengths, `churnSignals.length` per observation, in `churnSignals` order. */
  strengths: Float64Array
}

/** Tickets created at or before `at` (the array is sorted by creation). */
function knownAt(tickets: readonly TicketFacts[], at: number): readonly TicketFacts[] {
  let low = 0
  let high = tickets.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (tickets[mid]!.createdAt <= at) low = mid + 1
    else high = mid
  }
  return low === tickets.length ? tickets : tickets.slice(0, low)
}

const isCustomerAt = (c: CompanyHistory, at: number) =>
  (c.customerSince === null || c.customerSince <= at) && (c.churnedAt === null || c.churnedAt > at)

/** Point in time: at each cut-off only tickets created before it count, open or closed as of then. */
export function collectObservations(
  companies: readonly CompanyHistory[],
  cutoffs: readonly number[],
  horizonDays: number,
): Observations {
  const rows: {
    company: number
    cutoff: number
    churned: boolean
    recent: number
    strengths: Record<ChurnSignal, number>
  }[] = []
  cutoffs.forEach((at, cutoffIndex) => {
    const active = companies.map((c, index) => ({ c, index })).filter(({ c }) => isCustomerAt(c, at))
    const views = active.map(({ c, index }) => ({ index, c, tickets: knownAt(c.tickets, at) }))
    const portal = computePortalBaseline(
      tallyPortal(
        views.map((v) => ({ tickets: v.tickets, historyStart: v.c.customerSince })),
        at,
      ),
    )
    for (const view of views) {
      const strengths = Object.fromEntries(churnSignals.map((s) => [s, 0])) as Record<ChurnSignal, number>
      for (const reading of readSignals(view.tickets, {
        now: at,
        historyStart: view.c.customerSince ?? view.tickets[0]?.createdAt ?? null,
        portal,
      }))
        strengths[reading.signal] = reading.strength
      let recent = 0
      for (let i = view.tickets.length - 1; i >= 0 && view.tickets[i]!.createdAt > at - BASELINE_WINDOW_DAYS * DAY; i--)
        recent++
      const churnedAt = view.c.churnedAt
      rows.push({
        company: view.index,
        cutoff: cutoffIndex,
        churned: churnedAt !== null && churnedAt > at && churnedAt <= at + horizonDays * DAY,
        recent,
        strengths,
      })
    }
  })
  const observations: Observations = {
    cutoffs: [...cutoffs],
    horizonDays,
    companyIds: companies.map((c) => c.id),
    count: rows.length,
    company: new Int32Array(rows.length),
    cutoff: new Int32Array(rows.length),
    churned: new Uint8Array(rows.length),
    recentTickets: new Float64Array(rows.length),
    strengths: new Float64Array(rows.length * churnSignals.length),
  }
  rows.forEach((row, i) => {
    observations.company[i] = row.company
    observations.cutoff[i] = row.cutoff
    observations.churned[i] = row.churned ? 1 : 0
    observations.recentTickets[i] = row.recent
    churnSignals.forEach((signal, k) => {
      observations.strengths[i * churnSignals.length + k] = row.strengths[signal]
    })
  })
  return observations
}

/** One observation's strengths as a record, for scoring with any weight set. */
export function strengthsOf(observations: Observations, index: number): Record<ChurnSignal, number> {
  const offset = index * churnSignals.length
  return Object.fromEntries(churnSignals.map((signal, k) => [signal, observations.strengths[offset + k]!])) as Record<
    ChurnSignal,
    number
  >
}
