import randu from '@stdlib/random-base-randu'

/** Uniform numbers in [0, 1) that repeat for the same seed, so a report can be reproduced exactly. */
export function seededRandom(seed: number): () => number {
  // The generator is named: stdlib's default may change between releases, and reports must not.
  return randu.factory({ name: 'mt19937', seed })
}
