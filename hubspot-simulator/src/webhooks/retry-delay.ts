/** HubSpot retries a failed batch up to 10 times (facts §9), then drops it. */
export const maxRetries = 10

/**
 * Real ms before retry `retryNumber` (1–10): base × 2^(n-1) × jitter, jitter in [1, 1.5). Doubling with less than
 * 2× jitter keeps every delay longer than the one before, as HubSpot's "increasing randomized delays" are.
 */
export function retryDelayMs(retryNumber: number, baseMs: number, jitter: number): number {
  return Math.round(baseMs * 2 ** (retryNumber - 1) * (1 + jitter / 2))
}

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}
