/**
 * Delay before the next refresh attempt after `failures` consecutive transient failures:
 * exponential from 15 s, capped at 30 min, with full jitter so many instances and portals
 * recovering from one HubSpot outage do not retry in lockstep.
 */
export function refreshBackoffMs(failures: number, random: () => number = Math.random): number {
  const base = 15_000
  const cap = 30 * 60_000
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
