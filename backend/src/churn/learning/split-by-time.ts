const DAY = 86_400_000

export interface TimeSplit {
  train: number[]
  test: number[]
}

/**
 * Earlier cut-offs to learn from, later ones to test on: the last third is held out, and a training
 * cut-off is kept only if its whole horizon ends before testing starts, so no training label knows
 * anything about the test months. Never a random split: the future must not leak into the past.
 */
export function splitByTime(cutoffs: readonly number[], horizonDays: number): TimeSplit | null {
  if (cutoffs.length < 2) return null
  const firstTest = cutoffs.length - Math.max(1, Math.ceil(cutoffs.length / 3))
  const testStart = cutoffs[firstTest]!
  const train = cutoffs.map((_, i) => i).filter((i) => i < firstTest && cutoffs[i]! + horizonDays * DAY <= testStart)
  const test = cutoffs.map((_, i) => i).filter((i) => i >= firstTest)
  return train.length === 0 ? null : { train, test }
}
