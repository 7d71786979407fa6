/** p-th percentile (0–100) of a sample, nearest-rank. */
export function percentile(sample: number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export const ms = (n: number) => `${n.toFixed(3)} ms`
