import { churnSignals } from '@churnlens/contracts'
import type { Observations } from './collect-observations'

/** The observations at the cut-offs `keep` accepts (by cut-off index), as a set of their own. */
export function subsetObservations(observations: Observations, keep: (cutoffIndex: number) => boolean): Observations {
  const indices: number[] = []
  for (let i = 0; i < observations.count; i++) if (keep(observations.cutoff[i]!)) indices.push(i)
  const k = churnSignals.length
  const subset: Observations = {
    ...observations,
    count: indices.length,
    company: Int32Array.from(indices, (i) => observations.company[i]!),
    cutoff: Int32Array.from(indices, (i) => observations.cutoff[i]!),
    churned: Uint8Array.from(indices, (i) => observations.churned[i]!),
    recentTickets: Float64Array.from(indices, (i) => observations.recentTickets[i]!),
    strengths: new Float64Array(indices.length * k),
  }
  indices.forEach((i, n) => subset.strengths.set(observations.strengths.subarray(i * k, (i + 1) * k), n * k))
  return subset
}
