import type { SignalWeights } from '../churn-weights'
import { scoreFromStrengths } from '../score-company'
import type { Observations } from './collect-observations'
import { strengthsOf } from './collect-observations'

/** The score of every observation under a weight set. */
export function scoreObservations(observations: Observations, weights: SignalWeights): Float64Array {
  const scores = new Float64Array(observations.count)
  for (let i = 0; i < observations.count; i++) scores[i] = scoreFromStrengths(strengthsOf(observations, i), weights)
  return scores
}
