/**
 * Splits `total` across companies in proportion to their weights, summing exactly to `total`
 * (largest remainders, ties by index, so it is deterministic).
 */
export function allocateTickets(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0)
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0)
  const exact = weights.map((weight) => (total * weight) / sum)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((acc, count) => acc + count, 0)
  const order = exact
    .map((value, index) => index)
    .sort(
      (a, b) => (exact[b] ?? 0) - Math.floor(exact[b] ?? 0) - ((exact[a] ?? 0) - Math.floor(exact[a] ?? 0)) || a - b,
    )
  for (const index of order) {
    if (left <= 0) break
    counts[index] = (counts[index] ?? 0) + 1
    left -= 1
  }
  return counts
}
