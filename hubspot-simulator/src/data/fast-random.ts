import { createHash } from 'node:crypto'

/**
 * A small fast PRNG (sfc32) seeded from sha256(seed). The simulator's SeededRandom hashes per value, which is
 * right for tokens but far too slow for the millions of draws behind 100,000 generated tickets.
 */
export interface FastRandom {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max]. */
  int(min: number, max: number): number
  between(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by relative weight: `weighted([['LOW', 45], ['HIGH', 10]])`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  /** exp(normal(mu, sigma)): skewed positive values such as time-to-close and company size. */
  logNormal(mu: number, sigma: number): number
  normal(): number
  shuffle<T>(items: T[]): T[]
}

export function createFastRandom(seed: string): FastRandom {
  const hash = createHash('sha256').update(seed).digest()
  let a = hash.readUInt32LE(0)
  let b = hash.readUInt32LE(4)
  let c = hash.readUInt32LE(8)
  let d = hash.readUInt32LE(12)
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4_294_967_296
  }
  for (let warmUp = 0; warmUp < 15; warmUp++) next()

  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
  const random: FastRandom = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [value, weight] of entries) {
        roll -= weight
        if (roll < 0) return value
      }
      const last = entries[entries.length - 1]
      if (!last) throw new Error('weighted pick from an empty list')
      return last[0]
    },
    logNormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    normal,
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const swap = items[i] as (typeof items)[number]
        items[i] = items[j] as (typeof items)[number]
        items[j] = swap
      }
      return items
    },
  }
  return random
}
