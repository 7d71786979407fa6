/** The first yearly anniversary of `since` (same calendar day, 00:00 UTC) at or after `at`; contracts renew on it. */
export function anniversaryAfter(since: number, at: number): number {
  const start = new Date(since)
  const candidate = new Date(since)
  for (let years = Math.max(0, new Date(at).getUTCFullYear() - start.getUTCFullYear() - 1); ; years++) {
    candidate.setTime(since)
    candidate.setUTCFullYear(start.getUTCFullYear() + years)
    if (candidate.getTime() >= at && years > 0) return candidate.getTime()
  }
}
