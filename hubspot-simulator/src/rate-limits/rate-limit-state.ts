/** Request timestamps (simulator clock) per limiter key, oldest first; and per-portal daily counters. */
export interface RateLimitState {
  /** `oauth:<appId>:<portalId>` or `private:<portalId>` → hits in the last 10 s. */
  tenSecondly: Map<string, number[]>
  /** portalId → search hits in the last second. */
  search: Map<number, number[]>
  /** portalId → private-app requests on the account's current local day (shared by all its private apps). */
  daily: Map<number, { day: number; count: number }>
}

export function createRateLimitState(): RateLimitState {
  return { tenSecondly: new Map(), search: new Map(), daily: new Map() }
}

/** The hits still inside the rolling window, after dropping older ones. */
export function liveHits<K>(windows: Map<K, number[]>, key: K, now: number, intervalMs: number): number[] {
  let hits = windows.get(key)
  if (!hits) {
    hits = []
    windows.set(key, hits)
  }
  let expired = 0
  while (expired < hits.length && (hits[expired] ?? 0) <= now - intervalMs) expired++
  if (expired > 0) hits.splice(0, expired)
  return hits
}
