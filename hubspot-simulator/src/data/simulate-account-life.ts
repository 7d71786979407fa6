import type { AccountLife, AccountTraits, ChurnCause } from './account'
import { weekFlag } from './account'
import { anniversaryAfter } from './anniversary-after'
import type { FastRandom } from './fast-random'
import type { PortalWorld } from './portal-world'
import type { TimeGrid } from './time-grid'
import { dayMs, weekMs, weekOf, weekStart, yearMs } from './time-grid'
import { weightedIndex } from './weighted-index'

/** Weekly risk of leaving, by cause: only `product` moves with health. */
const riskCauses: readonly ChurnCause[] = ['product', 'price', 'competitor', 'budget', 'unknown']
const risks = new Float64Array(riskCauses.length)

/** Health pulls back toward the account's fit with a half-life of about 14 weeks. */
const reversion = 0.05
const weeklyNoise = 0.16
/** E[exp(−2·health)] over the accounts' health distribution, so `annualChurnRate` stays the average rate. */
const productRiskNorm = 2.7
/** Measured: the multipliers below (tenure, renewal window, size, shocks) average above 1; this brings the yearly rate back to the knob. */
const calibration = 1.2

/**
 * One customer's weeks: a mean-reverting random walk of health with shocks (vendor outages, a champion leaving,
 * a bad bug, a good quarter), and each week a chance to decide to leave. That chance rises as health falls,
 * but also with causes that never touch health: a price increase, a competitor's pitch, a budget cut, an
 * acquisition, or nothing anyone recorded. Most contracts end at the yearly renewal after the decision; some
 * terminate early. Runs on past the history into the ground-truth horizon.
 */
export function simulateAccountLife(
  random: FastRandom,
  world: PortalWorld,
  grid: TimeGrid,
  traits: AccountTraits,
  annualChurnRate: number,
): AccountLife {
  const health = new Float32Array(grid.weeks)
  const flags = new Uint8Array(grid.weeks)
  const sinceWeek = weekOf(grid, traits.customerSince)
  const firstWeek = Math.max(0, sinceWeek)
  const roughStart = sinceWeek >= 0 && random.chance(0.2) ? 0.8 : 0
  let h = traits.fit + random.normal() * (sinceWeek < 0 ? 0.45 : 0.55) - roughStart
  const base = (-Math.log(1 - Math.min(0.95, annualChurnRate)) / 52) * calibration
  const sizeFactor = Math.pow(traits.employees / world.sizeMedian, -0.2)
  const life: AccountLife = { health, flags, firstWeek, decidedAt: null, churnAt: null, cause: null }
  let competitorUntil = -1
  let budgetUntil = -1
  let nextRenewal = -Infinity
  const acquiredWeek = random.chance(0.015) ? random.int(firstWeek, grid.weeks - 1) : -1
  // Shocks are mostly bad news; this weekly lift cancels their average so health centres on the account's fit.
  const shockDrift =
    (sumOf(world.incident) / grid.weeks) * traits.incidentSensitivity * 0.6 + (0.25 * 0.9 + 0.4 * 0.35 - 0.2 * 0.5) / 52

  for (let week = firstWeek; week < grid.weeks; week++) {
    const midWeek = weekStart(grid, week) + 3.5 * dayMs
    if (life.churnAt !== null && weekStart(grid, week) > life.churnAt) break
    h += reversion * (traits.fit - h) + shockDrift + weeklyNoise * random.normal()
    h -= (world.incident[week] ?? 0) * traits.incidentSensitivity * 0.6
    if (random.chance(0.25 / 52)) {
      h -= random.between(0.6, 1.2)
      flags[week] = (flags[week] ?? 0) | weekFlag.championLeft
    }
    if (random.chance(0.2 / 52)) h += random.between(0.3, 0.7)
    if (random.chance(0.4 / 52)) {
      h -= random.between(0.2, 0.5)
      markWeeks(flags, week, random.int(2, 4), weekFlag.bugCluster)
    }
    if (random.chance(0.12 / 52)) competitorUntil = week + 10
    if (random.chance(0.06 / 52)) budgetUntil = week + 8
    if (h > 0.2 && random.chance(0.6 / 52)) markWeeks(flags, week, random.int(1, 2), weekFlag.launch)
    if (week <= competitorUntil) flags[week] = (flags[week] ?? 0) | weekFlag.competitorPitch
    health[week] = h
    if (life.decidedAt !== null) continue

    const tenure = (midWeek - traits.customerSince) / yearMs
    const tenureFactor = tenure < 0.5 ? 1.6 : tenure > 3 ? 0.8 : 1
    if (nextRenewal < midWeek) nextRenewal = anniversaryAfter(traits.customerSince, midWeek)
    const renewalWindow = nextRenewal - midWeek <= 120 * dayMs ? 2.2 : 0.45
    const priceBump =
      world.priceIncreaseWeek >= 0 && week >= world.priceIncreaseWeek && week < world.priceIncreaseWeek + 40
        ? 1.5 * traits.priceSensitivity
        : 0
    const competitorBump = week <= competitorUntil ? 2.5 : 0
    const budgetBump = week <= budgetUntil ? 6 : 0
    risks[0] = (0.5 * Math.exp(-2 * h)) / productRiskNorm
    risks[1] = (0.5 * (0.15 + priceBump)) / 1.15
    risks[2] = (0.5 * (0.15 + competitorBump)) / 1.15
    risks[3] = (0.5 * (0.25 + budgetBump)) / 1.15
    risks[4] = (0.5 * 0.45) / 1.15
    const total = (risks[0] ?? 0) + (risks[1] ?? 0) + (risks[2] ?? 0) + (risks[3] ?? 0) + (risks[4] ?? 0)
    const hazard = base * tenureFactor * renewalWindow * sizeFactor * (traits.loyalLoud ? 0.5 : 1) * total
    const cause =
      week === acquiredWeek
        ? 'acquired'
        : random.chance(Math.min(0.5, hazard))
          ? riskCauses[weightedIndex(random.next(), risks)]
          : undefined
    if (cause) decide(random, life, traits, cause, weekStart(grid, week) + random.int(0, weekMs - 1))
  }
  return life
}

function decide(
  random: FastRandom,
  life: AccountLife,
  traits: AccountTraits,
  cause: ChurnCause,
  decidedAt: number,
): void {
  const early = random.chance(cause === 'acquired' || cause === 'budget' ? 0.5 : 0.15)
  const churnAt = early
    ? decidedAt + random.int(14 * dayMs, 45 * dayMs)
    : anniversaryAfter(traits.customerSince, decidedAt + 21 * dayMs)
  life.decidedAt = decidedAt
  life.churnAt = churnAt - (churnAt % dayMs)
  life.cause = cause
}

function markWeeks(flags: Uint8Array, from: number, count: number, flag: number): void {
  for (let week = from; week < Math.min(flags.length, from + count); week++) flags[week] = (flags[week] ?? 0) | flag
}

function sumOf(values: Float64Array): number {
  let sum = 0
  for (const value of values) sum += value
  return sum
}
