import { sql } from 'drizzle-orm'
import type { Database } from '../db/database'
import { rateLimitCounters } from '../db/schema'

export interface RateLimitRule {
  limit: number
  windowMs: number
}

/**
 * Counts one attempt against `key` in a fixed window shared by every backend instance (the
 * counter is a Postgres row), and says whether it is still allowed. One statement, so two
 * instances cannot both slip under the limit.
 */
export async function consumeRateLimit(
  db: Database,
  key: string,
  rule: RateLimitRule,
  now: Date,
): Promise<{ allowed: boolean; retryAfterSeconds: number; count: number }> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs)
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count })
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000)
  const count = row?.count ?? 1
  return { allowed: count <= rule.limit, retryAfterSeconds, count }
}
