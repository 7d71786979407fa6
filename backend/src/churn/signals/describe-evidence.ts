const DAY = 86_400_000

/** "1 ticket", "3 tickets". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** An expected count as a person says it: "about 3", "about 0.4", "fewer than 0.1". */
export function aboutCount(expected: number): string {
  if (expected < 0.1) return 'fewer than 0.1'
  if (expected < 10) return `about ${Math.round(expected * 10) / 10}`
  return `about ${Math.round(expected)}`
}

/** Whole days between two instants, as "12 days ago" / "today". */
export function daysAgo(at: number, now: number): string {
  const days = Math.floor((now - at) / DAY)
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`
}

export function formatDays(days: number): string {
  const rounded = days < 10 ? Math.round(days * 10) / 10 : Math.round(days)
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`
}

/** −log10 of a chance, mapped to a strength: ¼ at the 1% threshold, full at one in 100,000. */
export function strengthOfSurprise(chance: number, threshold: number): number {
  const beyond = -Math.log10(Math.max(chance, 1e-300)) + Math.log10(threshold)
  return Math.min(1, 0.25 + 0.75 * Math.max(0, beyond / 3))
}
