import { cancellationTerms, churnWeights as w, frustrationTerms, reopenTerms } from './churn-weights'

export interface TicketFacts {
  id: number
  subject: string | null
  content: string | null
  priority: string | null
  stage: string | null
  category: string | null
  createdAt: Date | null
  closedAt: Date | null
  timeToCloseMs: number | null
}

export type SignalName = 'volume_trend' | 'open_backlog' | 'urgent_share' | 'time_to_close' | 'reopened' | 'cancellation_language' | 'frustration_language' | 'silence'

export interface Reason {
  signal: SignalName
  points: number
  evidence: string
  ticketIds: number[]
}

export interface ChurnScore {
  score: number
  band: 'low' | 'medium' | 'high'
  reasons: Reason[]
}

const DAY = 86_400_000
const CLOSED_STAGE = '4'

const isClosed = (t: TicketFacts) => t.closedAt !== null || t.stage === CLOSED_STAGE
const ageDays = (date: Date, now: Date) => (now.getTime() - date.getTime()) / DAY
const within = (t: TicketFacts, now: Date, days: number) => t.createdAt !== null && ageDays(t.createdAt, now) <= days
const clamp = (n: number, max: number) => Math.max(0, Math.min(max, n))
const round1 = (n: number) => Math.round(n * 10) / 10
const text = (t: TicketFacts) => `${t.subject ?? ''}\n${t.content ?? ''}`.toLowerCase()
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const days = (ms: number) => plural(round1(ms / DAY), 'day')

function matchedTerms(t: TicketFacts, terms: readonly string[]): string[] {
  const body = text(t)
  return terms.filter((term) => body.includes(term))
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function volumeTrend(tickets: TicketFacts[], now: Date): Reason | null {
  const c = w.volumeTrend
  const recent = tickets.filter((t) => within(t, now, c.recentDays))
  const baseline = tickets.filter((t) => t.createdAt && ageDays(t.createdAt, now) > c.recentDays && ageDays(t.createdAt, now) <= c.recentDays + c.baselineDays)
  if (recent.length < c.minRecentTickets) return null
  const usualPerWindow = Math.max(baseline.length / (c.baselineDays / c.recentDays), 0.5)
  const ratio = recent.length / usualPerWindow
  if (ratio <= 1.25) return null
  const points = clamp(((ratio - 1) / (c.fullAtRatio - 1)) * c.max, c.max)
  return {
    signal: 'volume_trend',
    points: round1(points),
    evidence: `${plural(recent.length, 'ticket')} in the last ${c.recentDays} days, ${round1(ratio)}× its usual rate`,
    ticketIds: recent.map((t) => t.id),
  }
}

export function openBacklog(tickets: TicketFacts[], now: Date): Reason | null {
  const c = w.openBacklog
  const open = tickets.filter((t) => !isClosed(t) && t.createdAt)
  if (open.length === 0) return null
  const stale = open.filter((t) => ageDays(t.createdAt!, now) > c.staleAfterDays)
  const urgentStale = stale.filter((t) => t.priority === 'URGENT' || t.priority === 'HIGH')
  const points = clamp(stale.length * c.pointsPerStale + open.length * c.pointsPerOpen, c.max)
  if (points < 2) return null
  const oldest = Math.floor(Math.max(...open.map((t) => ageDays(t.createdAt!, now))))
  const evidence = urgentStale.length > 0
    ? `${plural(urgentStale.length, 'urgent ticket')} open for more than ${c.staleAfterDays} days (${plural(open.length, 'ticket')} open, oldest ${oldest} days)`
    : `${plural(open.length, 'ticket')} open, ${stale.length} for more than ${c.staleAfterDays} days (oldest ${oldest} days)`
  return { signal: 'open_backlog', points: round1(points), evidence, ticketIds: open.map((t) => t.id) }
}

export function urgentShare(tickets: TicketFacts[], now: Date): Reason | null {
  const c = w.urgentShare
  const recent = tickets.filter((t) => within(t, now, c.windowDays))
  if (recent.length < c.minTickets) return null
  const urgent = recent.filter((t) => t.priority === 'URGENT' || t.priority === 'HIGH')
  const share = urgent.length / recent.length
  if (share < 0.25) return null
  return {
    signal: 'urgent_share',
    points: round1(clamp((share / c.fullAtShare) * c.max, c.max)),
    evidence: `${Math.round(share * 100)}% of the last ${c.windowDays} days' tickets are high or urgent (${urgent.length} of ${recent.length})`,
    ticketIds: urgent.map((t) => t.id),
  }
}

export function timeToCloseTrend(tickets: TicketFacts[], now: Date): Reason | null {
  const c = w.timeToClose
  const closed = tickets.filter((t) => t.timeToCloseMs !== null && t.closedAt)
  const recent = closed.filter((t) => ageDays(t.closedAt!, now) <= c.windowDays)
  const before = closed.filter((t) => ageDays(t.closedAt!, now) > c.windowDays)
  const recentMedian = median(recent.map((t) => t.timeToCloseMs!))
  const beforeMedian = median(before.map((t) => t.timeToCloseMs!))
  if (recent.length < c.minClosed || before.length < c.minClosed || recentMedian === null || beforeMedian === null || beforeMedian <= 0) return null
  const ratio = recentMedian / beforeMedian
  if (ratio <= 1.5) return null
  return {
    signal: 'time_to_close',
    points: round1(clamp(((ratio - 1) / (c.fullAtRatio - 1)) * c.max, c.max)),
    evidence: `tickets take ${round1(ratio)}× longer to close than before (median ${days(recentMedian)}, was ${days(beforeMedian)})`,
    ticketIds: recent.map((t) => t.id),
  }
}

export function reopened(tickets: TicketFacts[], now: Date): Reason | null {
  const c = w.reopened
  const hits = tickets.filter((t) => within(t, now, c.windowDays) && (/escalat|reopen/i.test(t.category ?? '') || matchedTerms(t, reopenTerms).length > 0))
  if (hits.length === 0) return null
  return {
    signal: 'reopened',
    points: round1(clamp(hits.length * c.pointsPerTicket, c.max)),
    evidence: `${plural(hits.length, 'ticket')} reopened or escalated in the last ${c.windowDays} days`,
    ticketIds: hits.map((t) => t.id),
  }
}

function languageSignal(tickets: TicketFacts[], now: Date, signal: 'cancellation_language' | 'frustration_language', terms: readonly string[], c: { max: number; windowDays: number; pointsPerTicket: number }, label: string): Reason | null {
  const found = new Set<string>()
  const hits = tickets.filter((t) => {
    if (!within(t, now, c.windowDays)) return false
    const matched = matchedTerms(t, terms)
    for (const term of matched) found.add(term)
    return matched.length > 0
  })
  if (hits.length === 0) return null
  return {
    signal,
    points: round1(clamp(hits.length * c.pointsPerTicket, c.max)),
    evidence: `${label} in ${plural(hits.length, 'ticket')}: ${[...found].slice(0, 4).map((t) => `'${t}'`).join(', ')}`,
    ticketIds: hits.map((t) => t.id),
  }
}

export function silence(tickets: TicketFacts[], now: Date): Reason | null {
  const c = w.silence
  const dated = tickets.filter((t) => t.createdAt)
  if (dated.length === 0) return null
  const latest = Math.min(...dated.map((t) => ageDays(t.createdAt!, now)))
  if (latest < c.quietDays) return null
  const before = dated.filter((t) => ageDays(t.createdAt!, now) <= latest + 90)
  const monthly = before.length / 3
  if (monthly < c.minMonthlyBefore) return null
  return {
    signal: 'silence',
    points: c.max,
    evidence: `no tickets in ${Math.floor(latest)} days after averaging ${round1(monthly)} a month`,
    ticketIds: [],
  }
}

export function bandOf(score: number): ChurnScore['band'] {
  return score >= w.bands.high ? 'high' : score >= w.bands.medium ? 'medium' : 'low'
}

/** Pure: a company's tickets and "now" in, a 0–100 score and the reasons that produced it out. */
export function scoreCompany(tickets: TicketFacts[], now: Date): ChurnScore {
  const reasons = [
    volumeTrend(tickets, now),
    openBacklog(tickets, now),
    urgentShare(tickets, now),
    timeToCloseTrend(tickets, now),
    reopened(tickets, now),
    languageSignal(tickets, now, 'cancellation_language', cancellationTerms, w.cancellationLanguage, 'cancellation language'),
    languageSignal(tickets, now, 'frustration_language', frustrationTerms, w.frustrationLanguage, 'frustration'),
    silence(tickets, now),
  ].filter((r): r is Reason => r !== null).sort((a, b) => b.points - a.points)
  const score = Math.round(Math.min(100, reasons.reduce((n, r) => n + r.points, 0)))
  return { score, band: bandOf(score), reasons }
}
