/**
 * HubSpot's wording: "expired 0 second(s) ago", with hour(s) and day(s) for older tokens.
 * Seconds run up to an hour: the observed messages show no minutes unit.
 */
export function describeExpiry(elapsedMs: number): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000))
  if (seconds < 3600) return `${seconds} second(s)`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} hour(s)`
  return `${Math.floor(seconds / 86_400)} day(s)`
}
