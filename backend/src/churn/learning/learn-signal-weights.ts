import type { ChurnSignal } from '@churnlens/contracts'
import { churnSignals } from '@churnlens/contracts'
import type { SignalWeights } from '../churn-weights'
import { defaultSignalWeights } from '../churn-weights'
import type { Observations } from '../backtest/collect-observations'
import { fitLogisticRegression } from './fit-logistic-regression'

/** The penalty keeps a signal seen with churn only a few times from earning a large weight. */
export const LEARNING_L2 = 1

const defaultTotal = churnSignals.reduce((n, s) => n + defaultSignalWeights[s], 0)

export type LearnedWeights =
  { ok: true; weights: SignalWeights; coefficients: Record<ChurnSignal, number> } | { ok: false; reason: string }

/**
 * Fits how much each signal says about churn in this data: a regularised logistic regression on
 * the signal strengths, coefficients held ≥ 0 so every reason still adds risk. The coefficients
 * become points scaled to the defaults' total, so the score keeps its 0–100 scale and its bands,
 * and stays a sum of reasons.
 */
export function learnSignalWeights(observations: Observations): LearnedWeights {
  const churners = new Set<number>()
  for (let i = 0; i < observations.count; i++) if (observations.churned[i] === 1) churners.add(observations.company[i]!)
  const churned = churners.size
  if (churned < 20) return { ok: false, reason: `only ${churned} churn events to learn from (at least 20 are needed)` }
  const fit = fitLogisticRegression(observations.strengths, observations.churned, churnSignals.length, {
    l2: LEARNING_L2,
    nonNegative: true,
  })
  const total = fit.coefficients.reduce((n, c) => n + c, 0)
  if (!(total > 0)) return { ok: false, reason: 'no signal was associated with churn in the data it was fitted on' }
  const coefficients = Object.fromEntries(churnSignals.map((s, k) => [s, fit.coefficients[k]!])) as Record<
    ChurnSignal,
    number
  >
  const weights = Object.fromEntries(
    churnSignals.map((s, k) => [s, Math.round((fit.coefficients[k]! / total) * defaultTotal * 10) / 10]),
  ) as Record<ChurnSignal, number>
  return { ok: true, weights, coefficients }
}
