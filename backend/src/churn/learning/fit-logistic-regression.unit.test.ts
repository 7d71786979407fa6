import { describe, expect, it } from 'vitest'
import { seededRandom } from '../stats/seeded-random'
import { fitLogisticRegression } from './fit-logistic-regression'

const logit = (p: number) => Math.log(p / (1 - p))

describe('fitLogisticRegression', () => {
  it('matches the closed form for one binary feature (no penalty)', () => {
    // x=0: 10 of 40 positive; x=1: 30 of 40 positive → β0 = logit(0.25), β1 = logit(0.75) − logit(0.25)
    const x = new Float64Array(80)
    const y = new Uint8Array(80)
    for (let i = 0; i < 80; i++) {
      x[i] = i < 40 ? 0 : 1
      y[i] = i < 40 ? (i < 10 ? 1 : 0) : i < 70 ? 1 : 0
    }
    const fit = fitLogisticRegression(x, y, 1, { l2: 0 })
    expect(fit.converged).toBe(true)
    expect(fit.intercept).toBeCloseTo(logit(0.25), 6)
    expect(fit.coefficients[0]).toBeCloseTo(logit(0.75) - logit(0.25), 6)
  })

  it('recovers known coefficients from a large simulated sample', () => {
    const random = seededRandom(1)
    const truth = { intercept: -2, coefficients: [1.5, 0.8, 0] }
    const rows = 40_000
    const x = new Float64Array(rows * 3)
    const y = new Uint8Array(rows)
    for (let r = 0; r < rows; r++) {
      let z = truth.intercept
      for (let k = 0; k < 3; k++) {
        x[r * 3 + k] = random() < 0.3 ? random() : 0
        z += truth.coefficients[k]! * x[r * 3 + k]!
      }
      y[r] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0
    }
    const fit = fitLogisticRegression(x, y, 3, { l2: 0.01 })
    expect(Math.abs(fit.intercept + 2)).toBeLessThan(0.2)
    expect(Math.abs(fit.coefficients[0]! - 1.5)).toBeLessThan(0.2)
    expect(Math.abs(fit.coefficients[1]! - 0.8)).toBeLessThan(0.2)
    expect(Math.abs(fit.coefficients[2]!)).toBeLessThan(0.2)
  })

  it('holds coefficients at zero where the data would make them negative', () => {
    const random = seededRandom(2)
    const rows = 5000
    const x = new Float64Array(rows * 2)
    const y = new Uint8Array(rows)
    for (let r = 0; r < rows; r++) {
      x[r * 2] = random()
      x[r * 2 + 1] = random()
      y[r] = random() < 1 / (1 + Math.exp(-(-1 + 2 * x[r * 2]! - 2 * x[r * 2 + 1]!))) ? 1 : 0
    }
    const free = fitLogisticRegression(x, y, 2, { l2: 0 })
    expect(free.coefficients[1]).toBeLessThan(-1)
    const held = fitLogisticRegression(x, y, 2, { l2: 0, nonNegative: true })
    expect(held.coefficients[1]).toBe(0)
    expect(held.coefficients[0]).toBeGreaterThan(1)
  })

  it('shrinks toward zero as the penalty grows', () => {
    const random = seededRandom(3)
    const rows = 2000
    const x = new Float64Array(rows)
    const y = new Uint8Array(rows)
    for (let r = 0; r < rows; r++) {
      x[r] = random()
      y[r] = random() < 1 / (1 + Math.exp(-(-1 + 3 * x[r]!))) ? 1 : 0
    }
    const loose = fitLogisticRegression(x, y, 1, { l2: 0.1 })
    const tight = fitLogisticRegression(x, y, 1, { l2: 1000 })
    expect(tight.coefficients[0]!).toBeLessThan(loose.coefficients[0]! / 2)
  })
})
