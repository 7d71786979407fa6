/** An index drawn by relative weight from a reusable array (no allocation per draw, unlike FastRandom.weighted). */
export function weightedIndex(roll: number, weights: ArrayLike<number>): number {
  let total = 0
  for (let index = 0; index < weights.length; index++) total += weights[index] ?? 0
  let left = roll * total
  for (let index = 0; index < weights.length; index++) {
    left -= weights[index] ?? 0
    if (left < 0) return index
  }
  return weights.length - 1
}
