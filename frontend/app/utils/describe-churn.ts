import type { ChurnSignal, CompanyRow, RiskBand } from '@churnlens/contracts'
import { formatCount } from './describe-sync'
import type { SyncPhase } from './describe-sync'

/*
 * Every word and number the UI shows about churn risk: band names and tones, the trend arrow,
 * company names, months and dates, and how often the analyze page asks for scores.
 */

export type BandTone = 'ok' | 'warn' | 'bad'

/** High first: the order a customer-success team reads bands in. */
export const bandsByRisk: readonly RiskBand[] = ['high', 'medium', 'low']

const bandWords: Record<RiskBand, string> = { low: 'Low', medium: 'Medium', high: 'High' }
const bandTones: Record<RiskBand, BandTone> = { low: 'ok', medium: 'warn', high: 'bad' }

/** "High", for badges and the band filter. */
export function bandLabel(band: RiskBand): string {
  return bandWords[band]
}

/** "High risk", where the band stands alone (the band counts). */
export function bandRiskLabel(band: RiskBand): string {
  return `${bandWords[band]} risk`
}

/** The badge colour: high is bad, medium a warning, low fine. */
export function bandTone(band: RiskBand): BandTone {
  return bandTones[band]
}

export type TrendDirection = 'up' | 'down' | 'flat'

export interface TrendView {
  direction: TrendDirection
  arrow: '↑' | '↓' | '→'
  /** "+12", "−4", "0". */
  text: string
  /** "Risk up 12 points", for screen readers. */
  label: string
}

/**
 * The score's change over the last 30 days; rising risk is bad news.
 * @example formatTrend(12) → { direction: 'up', arrow: '↑', text: '+12', label: 'Risk up 12 points' }
 */
export function formatTrend(trend: number): TrendView {
  const size = Math.abs(Math.round(trend))
  const points = size === 1 ? 'point' : 'points'
  if (size === 0) return { direction: 'flat', arrow: '→', text: '0', label: 'Risk unchanged' }
  if (trend > 0) return { direction: 'up', arrow: '↑', text: `+${size}`, label: `Risk up ${size} ${points}` }
  return { direction: 'down', arrow: '↓', text: `−${size}`, label: `Risk down ${size} ${points}` }
}

/** HubSpot companies may lack a name; fall back to the domain, then the record id. */
export function companyDisplayName(company: Pick<CompanyRow, 'id' | 'name' | 'domain'>): string {
  const name = company.name?.trim()
  if (name) return name
  const domain = company.domain?.trim()
  return domain || `Company ${company.id}`
}

/** Evidence sentences start lower-case so they read inside a sentence; alone they need a capital. */
export function sentenceCase(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1)
}

/** A name for every signal: a new signal cannot ship without one. */
const signalWords: Record<ChurnSignal, string> = {
  volume_trend: 'Ticket volume rising',
  open_backlog: 'Open backlog',
  urgent_share: 'Urgent tickets',
  time_to_close: 'Slower resolution',
  reopened: 'Reopened tickets',
  cancellation_language: 'Cancellation language',
  frustration_language: 'Frustration language',
  silence: 'Gone quiet',
}

/** A short name for a scoring signal; unknown signals (an older stored score) read as their own words. */
export function signalLabel(signal: string): string {
  return Object.hasOwn(signalWords, signal)
    ? signalWords[signal as ChurnSignal]
    : sentenceCase(signal.replace(/_/g, ' '))
}

/** "1 ticket", "3 tickets". */
export function describeTicketCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'ticket' : 'tickets'}`
}

/** Reason points are whole numbers that add up to the score; older stored scores may carry a decimal. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10
  return `+${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}`
}

const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })

/**
 * A `YYYY-MM` month as people read it.
 * @example formatMonth('2026-03') === 'Mar 2026'
 */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  if (!match) return month
  return monthFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)))
}

/** "Mar 4, 2026", or an em dash when there is no date. */
export function formatDate(iso: string | null): string {
  if (iso === null) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '—' : dateFormat.format(date)
}

const renewalDateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * A renewal day, "Mar 4, 2026", read in UTC: HubSpot keeps date properties (and most close dates) at midnight UTC,
 * which a browser west of Greenwich would otherwise show as the day before. An em dash when missing.
 */
export function formatRenewalDate(iso: string | null): string {
  if (iso === null) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? '—' : renewalDateFormat.format(date)
}

/** A distribution bucket's label: "0–9", "90–100". */
export function bucketLabel(bucket: { from: number; to: number }): string {
  return `${bucket.from}–${bucket.to}`
}

/** How often the analyze page asks for scores while the first import runs. */
export const SUMMARY_POLL_MS = 3_000
/** Once the import finished, scoring follows within moments; ask a little less often until it lands. */
export const SUMMARY_SCORING_POLL_MS = 10_000

/**
 * When to ask for the churn summary again, or null to stop: scores exist, so nothing more is coming.
 * @example summaryPollDelay(0, 'initial_sync') === 3000
 */
export function summaryPollDelay(scored: number, phase: SyncPhase | null): number | null {
  if (scored > 0) return null
  return phase === 'up_to_date' ? SUMMARY_SCORING_POLL_MS : SUMMARY_POLL_MS
}

/**
 * HubSpot's ticket priority ("HIGH", "URGENT") as a word; missing reads as a dash.
 * @example formatPriority('URGENT') === 'Urgent'
 */
export function formatPriority(priority: string | null): string {
  const text = priority?.trim()
  if (!text) return '—'
  return sentenceCase(text.toLowerCase().replace(/_/g, ' '))
}
