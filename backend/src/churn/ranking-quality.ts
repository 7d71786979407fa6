/**
 * How well scores rank the companies known to churn above the rest. ROC AUC is the chance that
 * a random churning company outscores a random healthy one (ties count half); precision at the
 * top 10% is the share of churning companies among the highest-scored tenth.
 */
export function rankingQuality(rows: readonly { score: number; churning: boolean }[]): {
  auc: number
  precisionAtTop10: number
  churning: number
  total: number
} {
  const positives = rows.filter((r) => r.churning)
  const negatives = rows.filter((r) => !r.churning)
  let wins = 0
  // Rank-sum form of AUC (Mann-Whitney U), O(n log n).
  const sorted = [...rows].sort((a, b) => a.score - b.score)
  let i = 0
  let rankSum = 0
  while (i < sorted.length) {
    let j = i
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++
    const averageRank = (i + 1 + j) / 2
    for (let k = i; k < j; k++) if (sorted[k]!.churning) rankSum += averageRank
    i = j
  }
  if (positives.length > 0 && negatives.length > 0) wins = rankSum - (positives.length * (positives.length + 1)) / 2
  const auc = positives.length > 0 && negatives.length > 0 ? wins / (positives.length * negatives.length) : Number.NaN
  const top = [...rows].sort((a, b) => b.score - a.score).slice(0, Math.max(1, Math.round(rows.length / 10)))
  return {
    auc,
    precisionAtTop10: top.filter((r) => r.churning).length / top.length,
    churning: positives.length,
    total: rows.length,
  }
}
