import { it } from 'vitest'
import { seededRandom } from './stats/seeded-random'
import { computePortalBaseline } from './signals/compute-portal-baseline'
import { readVolumeTrend } from './signals/read-volume-trend'
import { readSilence } from './signals/read-silence'
import { tallyPortal } from './signals/tally-portal'
import type { TicketFacts } from './signals/ticket-facts'
const DAY = 86_400_000
const now = Date.parse('2026-11-24T12:00:00Z')
function poisson(random: () => number, perMonth: number, days: number): TicketFacts[] {
  const out: TicketFacts[] = []
  const rate = perMonth / 30
  for (let age = -Math.log(1 - random()) / rate; age < days; age += -Math.log(1 - random()) / rate)
    out.push({
      id: 1,
      createdAt: now - age * DAY,
      closedAt: null,
      closedWithoutDate: true,
      priority: null,
      escalated: false,
      cues: {},
    })
  return out
}
it('probe', () => {
  const random = seededRandom(99)
  for (const hist of [45, 60, 150, 365, 730])
    for (const perMonth of [0.5, 1, 2, 5, 10, 20]) {
      let v = 0,
        s = 0
      const n = 2000
      const peers = computePortalBaseline(
        tallyPortal(
          [1, 3, 5, 10, 20].map((m) => ({ tickets: poisson(random, m, hist), historyStart: now - hist * DAY })),
          now,
        ),
      )
      for (let i = 0; i < n; i++) {
        const t = poisson(random, perMonth, hist)
        const ctx = { now, historyStart: now - hist * DAY, portal: peers }
        if (readVolumeTrend(t, ctx)) v++
        if (readSilence(t, ctx)) s++
      }
      console.log(
        `history ${hist}d rate ${perMonth}/mo: volume ${((100 * v) / n).toFixed(2)}%  silence ${((100 * s) / n).toFixed(2)}%`,
      )
    }
})
