const DAY = 86_400_000

/**
 * How much a piece of evidence `ageMs` old still counts: 1 when new, ½ after one half-life, ¼
 * after two. Old evidence fades instead of falling off a window's edge.
 */
export function decayWeight(ageMs: number, halfLifeDays: number): number {
  if (ageMs <= 0) return 1
  return 2 ** (-ageMs / (halfLifeDays * DAY))
}

/**
 * The decayed length, in days, of an observation period `lengthDays` long that ended `endAgeDays`
 * ago: the integral of the same weights, so a decayed count divided by it is a fair rate.
 */
export function decayedExposureDays(lengthDays: number, halfLifeDays: number, endAgeDays = 0): number {
  if (lengthDays <= 0) return 0
  const k = Math.LN2 / halfLifeDays
  return (Math.exp(-k * endAgeDays) - Math.exp(-k * (endAgeDays + lengthDays))) / k
}
