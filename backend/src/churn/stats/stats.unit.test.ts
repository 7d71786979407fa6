import { describe, expect, it } from 'vitest'
import { bootstrapInterval } from './bootstrap-interval'
import { chanceOfAtLeast, chanceOfNone, expectedCount } from './count-surprise'
import { decayedExposureDays, decayWeight } from './decay'
import { fitRatePrior, priorWeightDays } from './fit-rate-prior'
import { rocAuc, rocCurve } from './roc-auc'
import { seededRandom } from './seeded-random'

const DAY = 86_400_000

describe('decay', () => {
  it('halves every half-life and never exceeds 1', () => {
    expect(decayWeight(0, 30)).toBe(1)
    expect(decayWeight(-DAY, 30)).toBe(1)
    expect(decayWeight(30 * DAY, 30)).toBeCloseTo(0.5)
    expect(decayWeight(60 * DAY, 30)).toBeCloseTo(0.25)
    expect(decayWeight(91 * DAY, 90)).toBeGreaterThan(0.49)
  })
  it('gives exposure equal to the integral of the weights', () => {
    // ∫₀^L 2^(−t/h) dt = h/ln2 · (1 − 2^(−L/h))
    expect(decayedExposureDays(30, 30)).toBeCloseTo((30 / Math.LN2) * 0.5)
    expect(decayedExposureDays(10, 1e9)).toBeCloseTo(10)
    expect(decayedExposureDays(0, 30)).toBe(0)
    expect(decayedExposureDays(30, 30, 30)).toBeCloseTo(decayedExposureDays(30, 30) / 2)
  })
})

describe('count surprise (Gamma–Poisson predictive)', () => {
  it('approaches the Poisson tail when the rate is known precisely', () => {
    // Poisson(5): P(X ≥ 15) = 0.000226 (known value)
    expect(chanceOfAtLeast(15, { alpha: 5e6, beta: 30e6 }, 30)).toBeCloseTo(0.000226, 5)
    expect(chanceOfNone({ alpha: 5e6, beta: 30e6 }, 30)).toBeCloseTo(Math.exp(-5), 5)
  })
  it('is wider when the rate is uncertain', () => {
    const sure = chanceOfAtLeast(12, { alpha: 500, beta: 3000 }, 30)
    const unsure = chanceOfAtLeast(12, { alpha: 5, beta: 30 }, 30)
    expect(unsure).toBeGreaterThan(sure)
    expect(expectedCount({ alpha: 5, beta: 30 }, 30)).toBe(5)
  })
  it('is 1 for zero observed', () => {
    expect(chanceOfAtLeast(0, { alpha: 1, beta: 1 }, 30)).toBe(1)
  })
})

describe('fitRatePrior', () => {
  it('centres on the pooled rate', () => {
    const prior = fitRatePrior(Array.from({ length: 100 }, (_, i) => ({ count: 10 + (i % 5), exposureDays: 100 })))
    expect(prior.alpha / prior.beta).toBeCloseTo(0.12, 2)
  })
  it('trusts companies less when their rates really differ, within bounds', () => {
    const same = fitRatePrior(Array.from({ length: 200 }, () => ({ count: 30, exposureDays: 300 })))
    const varied = fitRatePrior(Array.from({ length: 200 }, (_, i) => ({ count: i % 2 ? 3 : 300, exposureDays: 300 })))
    expect(same.beta).toBe(priorWeightDays.max)
    expect(varied.beta).toBe(priorWeightDays.min)
  })
  it('has a weak default with no data', () => {
    expect(fitRatePrior([]).beta).toBe(priorWeightDays.min)
  })
})

describe('rocAuc', () => {
  it.each([
    [
      'perfect ranking',
      [
        [1, false],
        [2, false],
        [3, true],
        [4, true],
      ],
      1,
    ],
    [
      'inverted ranking',
      [
        [1, true],
        [2, true],
        [3, false],
        [4, false],
      ],
      0,
    ],
    [
      'all tied',
      [
        [5, true],
        [5, false],
        [5, true],
        [5, false],
      ],
      0.5,
    ],
    [
      'one swap of four pairs',
      [
        [1, false],
        [2, true],
        [3, false],
        [4, true],
      ],
      0.75,
    ],
  ] as const)('%s', (_, pairs, expected) => {
    expect(rocAuc(pairs.map(([score, positive]) => ({ score, positive })))).toBeCloseTo(expected)
  })
  it('is null without both classes', () => {
    expect(rocAuc([{ score: 1, positive: true }])).toBeNull()
  })
  it('honours weights as repeated observations', () => {
    const weighted = rocAuc([
      { score: 1, positive: false, weight: 2 },
      { score: 2, positive: true },
      { score: 3, positive: false },
    ])
    const repeated = rocAuc([
      { score: 1, positive: false },
      { score: 1, positive: false },
      { score: 2, positive: true },
      { score: 3, positive: false },
    ])
    expect(weighted).toBeCloseTo(repeated!)
  })
  it('draws the curve from (0,0) to (1,1)', () => {
    const curve = rocCurve([
      { score: 1, positive: false },
      { score: 2, positive: true },
    ])
    expect(curve[0]).toMatchObject({ fpr: 0, tpr: 0 })
    expect(curve.at(-1)).toMatchObject({ fpr: 1, tpr: 1 })
  })
})

describe('bootstrapInterval', () => {
  it('covers the mean of a known sample and is reproducible', () => {
    const random = seededRandom(7)
    const values = Array.from({ length: 400 }, () => random())
    const mean = (weights: Float64Array) => values.reduce((sum, v, i) => sum + v * weights[i]!, 0) / values.length
    const interval = bootstrapInterval(values.length, mean)!
    expect(interval.low).toBeLessThan(0.5)
    expect(interval.high).toBeGreaterThan(0.5)
    // Standard error of a U(0,1) mean at n=400 is 0.0144: the 95% interval is about ±0.028.
    expect(interval.high - interval.low).toBeGreaterThan(0.04)
    expect(interval.high - interval.low).toBeLessThan(0.08)
    expect(bootstrapInterval(values.length, mean)).toEqual(interval)
  })
})
