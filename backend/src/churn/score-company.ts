import type { ChurnSignal, RiskBand } from '@churnlens/contracts'
import { churnSignals } from '@churnlens/contracts'
import type { SignalWeights } from './churn-weights'
import { defaultSignalWeights, signalSettings } from './churn-weights'
import { readCancellationLanguage, readFrustrationLanguage } from './signals/read-language'
import { readOpenBacklog } from './signals/read-open-backlog'
import { readReopened } from './signals/read-reopened'
import { readSilence } from './signals/read-silence'
import { readTimeToClose } from './signals/read-time-to-close'
import { readUrgentShare } from './signals/read-urgent-share'
import { readVolumeTrend } from './signals/read-volume-trend'
import type { ScoringContext } from './signals/scoring-context'
import type { SignalReading } from './signals/signal-reading'
import type { TicketFacts } from './signals/ticket-facts'

export interface Reason {
  signal: ChurnSignal
  /** Whole points; all reasons' points add up to the score. */
  points: number
  evidence: string
  ticketIds: number[]
}

export interface ChurnScore {
  score: number
  band: RiskBand
  reasons: Reason[]
  /** Every signal's strength (0 when silent), for learning weights and for the backtest. */
  strengths: Record<ChurnSignal, number>
}

const readers: readonly ((tickets: readonly TicketFacts[], context: ScoringContext) => SignalReading | null)[] = [
  readVolumeTrend,
  readSilence,
  readOpenBacklog,
  readUrgentShare,
  readTimeToClose,
  readReopened,
  readCancellationLanguage,
  readFrustrationLanguage,
]

export function bandOf(score: number): RiskBand {
  return score >= signalSettings.bands.high ? 'high' : score >= signalSettings.bands.medium ? 'medium' : 'low'
}

/** The score alone, from signal strengths: what combineReadings would give, for the backtest's many cut-offs. */
export function scoreFromStrengths(
  strengths: Readonly<Record<ChurnSignal, number>>,
  weights: SignalWeights = defaultSignalWeights,
): number {
  let total = 0
  for (const signal of churnSignals) total += Math.max(0, weights[signal] * strengths[signal])
  return Math.round(Math.min(100, total))
}

/** Every signal's reading for one company at one moment. */
export function readSignals(tickets: readonly TicketFacts[], context: ScoringContext): SignalReading[] {
  return readers.map((read) => read(tickets, context)).filter((r): r is SignalReading => r !== null)
}

/**
 * Turns readings into a score: each reason earns weight × strength, the total is scaled down
 * proportionally if it passes 100, and the points are rounded so that they add up exactly to the
 * score (largest remainders), keeping every explanation true.
 */
export function combineReadings(
  readings: readonly SignalReading[],
  weights: SignalWeights = defaultSignalWeights,
): ChurnScore {
  const strengths = Object.fromEntries(churnSignals.map((s) => [s, 0])) as Record<ChurnSignal, number>
  for (const r of readings) strengths[r.signal] = r.strength
  const raw = readings.map((r) => Math.max(0, weights[r.signal] * r.strength))
  const total = raw.reduce((n, p) => n + p, 0)
  const scale = total > 100 ? 100 / total : 1
  const exact = raw.map((p) => p * scale)
  const score = Math.round(exact.reduce((n, p) => n + p, 0))
  const points = exact.map(Math.floor)
  let missing = score - points.reduce((n, p) => n + p, 0)
  const byRemainder = exact.map((p, i) => ({ i, rest: p - Math.floor(p) })).sort((a, b) => b.rest - a.rest)
  for (const { i } of byRemainder) {
    if (missing <= 0) break
    points[i]! += 1
    missing -= 1
  }
  const reasons = readings
    .map((r, i) => ({ signal: r.signal, points: points[i]!, evidence: r.evidence, ticketIds: r.ticketIds }))
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points)
  return { score, band: bandOf(score), reasons, strengths }
}

/** Pure: a company's tickets and the scoring context in, a 0–100 score and its reasons out. */
export function scoreCompany(
  tickets: readonly TicketFacts[],
  context: ScoringContext,
  weights: SignalWeights = defaultSignalWeights,
): ChurnScore {
  return combineReadings(readSignals(tickets, context), weights)
}
