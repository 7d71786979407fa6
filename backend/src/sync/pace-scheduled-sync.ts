import { inArray } from 'drizzle-orm'
import type { Queryable } from '../db/database'
import { integrations } from '../db/schema'
import type { IntegrationRow } from '../integrations/hubspot/integration-row'

/** The scheduled sweep runs every 15 minutes; with plenty of the day's budget left, every integration goes. */
export const SWEEP_INTERVAL_MS = 15 * 60_000
/** Below this share of the daily limit, scheduled passes are spread out in proportion to what is left. */
const RELAXED_SHARE = 0.25
/** Below this share, scheduled passes stop until the day's budget resets (webhooks keep applying changes). */
const RESERVED_SHARE = 0.01

/**
 * Pure: whether the scheduled incremental pass should run now. HubSpot's daily limit is a wall (every call fails
 * until midnight), so as the day's budget runs low the passes come less often rather than all at once: at a quarter
 * left every 15 minutes, at a tenth every 37.5, at a twentieth every 75; under 1% none until the budget resets.
 * A budget last seen on an earlier (UTC) day counts as reset.
 */
export function scheduledSyncDue(
  row: Pick<IntegrationRow, 'dailyLimit' | 'dailyRemaining' | 'dailySeenAt'>,
  now: Date,
): boolean {
  const { dailyLimit, dailyRemaining, dailySeenAt } = row
  if (dailyLimit === null || dailyRemaining === null || dailySeenAt === null || dailyLimit <= 0) return true
  if (dailySeenAt.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10)) return true
  const share = dailyRemaining / dailyLimit
  if (share >= RELAXED_SHARE) return true
  if (share < RESERVED_SHARE) return false
  const interval = SWEEP_INTERVAL_MS * (RELAXED_SHARE / share)
  // The sweep's own cadence jitters by a little: a pass due within a minute of the tick runs on this one.
  return now.getTime() - dailySeenAt.getTime() >= interval - 60_000
}

/** Connected integrations whose scheduled pass is due (see scheduledSyncDue). */
export async function integrationsDueForScheduledSync(db: Queryable, now: Date): Promise<string[]> {
  const rows = await db
    .select({
      id: integrations.id,
      dailyLimit: integrations.dailyLimit,
      dailyRemaining: integrations.dailyRemaining,
      dailySeenAt: integrations.dailySeenAt,
    })
    .from(integrations)
    .where(inArray(integrations.status, ['connected', 'degraded']))
  return rows.filter((row) => scheduledSyncDue(row, now)).map((row) => row.id)
}
