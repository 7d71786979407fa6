import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { integrations } from '../db/schema'

/** The background job refreshes anything expiring within this, so user requests rarely wait. */
export const BACKGROUND_REFRESH_WINDOW_MS = 10 * 60_000

export interface RefreshSweep {
  considered: number
  refreshed: number
  failed: number
}

/**
 * Refreshes OAuth tokens that expire within 10 minutes, and retries degraded ones whose backoff
 * has passed. Safe on every instance at once: each refresh takes the row lock, and a row another
 * instance already refreshed is simply read back.
 */
export async function refreshExpiringTokens(
  deps: Pick<AppDeps, 'db' | 'clock' | 'tokens' | 'logger'>,
  windowMs = BACKGROUND_REFRESH_WINDOW_MS,
): Promise<RefreshSweep> {
  const now = deps.clock.now()
  const due = await deps.db
    .select({ id: integrations.id, version: integrations.tokenVersion })
    .from(integrations)
    .where(
      and(
        eq(integrations.authType, 'oauth'),
        inArray(integrations.status, ['connected', 'degraded']),
        lt(integrations.tokenExpiresAt, new Date(now.getTime() + windowMs)),
        // The keeper's own margin (half a short token's life, see token-keeper.ts), so the sweep loads only the
        // rows it will refresh: with hundreds of portals, reading each fresh one every minute was most of its work.
        sql`${integrations.tokenExpiresAt} - ${now.toISOString()}::timestamptz < case
          when ${integrations.tokenExpiresAt} > ${integrations.lastRefreshedAt}
          then least(${windowMs} * interval '1 millisecond', (${integrations.tokenExpiresAt} - ${integrations.lastRefreshedAt}) / 2)
          else ${windowMs} * interval '1 millisecond' end`,
        or(isNull(integrations.nextRefreshAttemptAt), lte(integrations.nextRefreshAttemptAt, now)),
      ),
    )
    .limit(1000)
  const sweep: RefreshSweep = { considered: due.length, refreshed: 0, failed: 0 }
  for (const row of due) {
    const result = await deps.tokens.ensureValidToken(row.id, { marginMs: windowMs })
    if (result.ok && result.value.version > row.version) sweep.refreshed++
    else if (!result.ok) sweep.failed++
  }
  if (sweep.considered > 0) deps.logger.info(sweep, 'background token refresh sweep')
  return sweep
}
