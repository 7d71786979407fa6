export interface ScoredOutcome {
  score: number
  positive: boolean
  /** How many times this observation counts (bootstrap resampling); 1 when omitted. */
  weight?: number
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative,
 * ties counting half (the Mann–Whitney statistic). Null when either class is empty.
 * `sorted` may be passed already ordered by score to skip the sort (the bootstrap does).
 */
export function rocAuc(outcomes: readonly ScoredOutcome[], sorted = false): number | null {
  const ordered = sorted ? outcomes : [...outcomes].sort((a, b) => a.score - b.score)
  let negativesBelow = 0
  let positives = 0
  let negatives = 0
  let wins = 0
  for (let i = 0; i < ordered.length;) {
    let j = i
    let groupPositives = 0
    let groupNegatives = 0
    const score = ordered[i]!.score
    for (; j < ordered.length && ordered[j]!.score === score; j++) {
      const o = ordered[j]!
      const weight = o.weight ?? 1
      if (o.positive) groupPositives += weight
      else groupNegatives += weight
    }
    wins += groupPositives * (negativesBelow + groupNegatives / 2)
    negativesBelow += groupNegatives
    positives += groupPositives
    negatives += groupNegatives
    i = j
  }
  if (positives === 0 || negatives === 0) return null
  return wins / (positives * negatives)
}

/** Points of the ROC curve (false-positive rate, true-positive rate), from (0,0) to (1,1), one per distinct score. */
export function rocCurve(outcomes: readonly ScoredOutcome[]): { fpr: number; tpr: number; threshold: number }[] {
  const ordered = [...outcomes].sort((a, b) => b.score - a.score)
  const positives = ordered.filter((o) => o.positive).length
  const negatives = ordered.length - positives
  const points = [{ fpr: 0, tpr: 0, threshold: Number.POSITIVE_INFINITY }]
  if (positives === 0 || negatives === 0) return points
  let tp = 0
  let fp = 0
  for (let i = 0; i < ordered.length;) {
    const score = ordered[i]!.score
    for (; i < ordered.length && ordered[i]!.score === score; i++) {
      if (ordered[i]!.positive) tp++
      else fp++
    }
    points.push({ fpr: fp / negatives, tpr: tp / positives, threshold: score })
  }
  return points
}
