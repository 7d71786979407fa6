import type { FastRandom } from './fast-random'
import type { CompanyPlan } from './plan-companies'
import { dayMs } from './plan-companies'

const yearMs = 365 * dayMs

/**
 * Creation times (ascending) of one company's tickets over the last 12 months, shaped by its timing plan:
 * uniform for most, a late spike for escalating companies, a heavy period then nothing for silent ones.
 */
export function drawTicketTimes(random: FastRandom, plan: CompanyPlan, now: number): number[] {
  const start = now - yearMs
  const uniform = (from: number, to: number): number => from + Math.floor(random.next() * (to - from))
  const timing = plan.timing
  // Exact shares rather than per-ticket coin flips: a 12-ticket company must still show its spike.
  const spikeCount = timing.kind === 'spike' ? Math.round(timing.spikeShare * plan.ticketCount) : 0
  const heavyCount =
    timing.kind === 'silent' ? (timing.heavyStart <= start ? plan.ticketCount : Math.round(0.8 * plan.ticketCount)) : 0
  const times = Array.from({ length: plan.ticketCount }, (_, index) => {
    if (timing.kind === 'spike')
      return index < spikeCount ? uniform(timing.spikeStart, now) : uniform(start, timing.spikeStart)
    if (timing.kind === 'silent')
      return index < heavyCount ? uniform(timing.heavyStart, timing.heavyEnd) : uniform(start, timing.heavyStart)
    return uniform(start, now)
  })

  if (plan.noise.incidentBurst && times.length >= 6) {
    // One bad week (an outage) that was resolved: a cluster, not a trend.
    const burstStart = uniform(start, now - 7 * dayMs)
    for (let index = 0; index < 4; index++) times[index] = uniform(burstStart, burstStart + 5 * dayMs)
  }
  if (plan.churning && timing.kind !== 'silent') {
    // A churning company's patterns live in its recent tickets; make sure there are a few to carry them.
    const wanted = Math.min(6, times.length)
    let recent = times.filter((time) => time >= plan.signalStart).length
    for (let index = 0; recent < wanted && index < times.length; index++) {
      if ((times[index] ?? now) >= plan.signalStart) continue
      times[index] = uniform(plan.signalStart, now)
      recent += 1
    }
  }
  return times.sort((a, b) => a - b)
}
