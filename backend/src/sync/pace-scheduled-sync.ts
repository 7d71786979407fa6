import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Queryable } from '../db/database'
import { integrations, syncState } from '../db/schema'
import type { IntegrationRow } from '../integrations/hubspot/integration-row'

/**
 * How the scheduled passes are paced. `intervalMs` is the promise: with plenty of the day's budget left, no portal
 * goes longer than this between incremental passes (15 minutes in the product). The sweep looks for due portals
 * every `tickMs` (a minute), so each tick queues only the portals that fell due since the last one: the work is
 * spread evenly over the interval instead of arriving as one queue of every portal at once, whose tail would wait
 * for its head.
 */
export interface SyncCadence {
  intervalMs: number
  tickMs: number
}

/** Below this share of the daily limit, scheduled passes are spread out in proportion to what is left. */
const RELAXED_SHARE = 0.25
/** Below this share, scheduled passes stop until the day's budget resets (webhooks keep applying changes). */
const RESERVED_SHARE = 0.01

/** The sweep's tick is a fifteenth of the interval: a minute in the product's 15. */
export function cadenceFor(intervalSeconds: number): SyncCadence {
  // Whole seconds: the tick is also the job queue's singleton window, which counts in seconds.
  return { intervalMs: intervalSeconds * 1000, tickMs: Math.max(1, Math.round(intervalSeconds / 15)) * 1000 }
}

type PacedRow = Pick<IntegrationRow, 'dailyLimit' | 'dailyRemaining' | 'dailySeenAt'> & {
  /** When the portal's last pass ended (the oldest of its object types'); null before any sync began. */
  lastPassAt: Date | null
}

/**
 * Pure: the longest a portal should now go between scheduled passes, or null while none should run. HubSpot's
 * daily limit is a wall (every call fails until midnight), so as the day's budget runs low the passes come less
 * often rather than all at once: at a quarter left every interval, at a tenth every 2.5 intervals, at a twentieth
 * every 5; under 1% none until the budget resets. A budget last seen on an earlier (UTC) day counts as reset.
 */
function passInterval(row: PacedRow, now: Date, intervalMs: number): number | null {
  const { dailyLimit, dailyRemaining, dailySeenAt } = row
  if (dailyLimit === null || dailyRemaining === null || dailySeenAt === null || dailyLimit <= 0) return intervalMs
  if (dailySeenAt.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10)) return intervalMs
  const share = dailyRemaining / dailyLimit
  if (share >= RELAXED_SHARE) return intervalMs
  if (share < RESERVED_SHARE) return null
  return intervalMs * (RELAXED_SHARE / share)
}

/**
 * Pure: whether this tick should queue the portal's pass. A tick may come up to one tick late, and the pass then
 * waits in the queue behind the other portals that fell due and runs, so it is queued three ticks before its
 * interval is up (12 minutes in the product): it ends within the interval as long as the queue drains within two.
 */
export function scheduledSyncDue(row: PacedRow, now: Date, cadence: SyncCadence): boolean {
  const interval = passInterval(row, now, cadence.intervalMs)
  if (interval === null) return false
  if (row.lastPassAt === null) return true
  return now.getTime() - row.lastPassAt.getTime() >= interval - 3 * cadence.tickMs
}

/**
 * Pure: which portals this tick queues, the most urgent first. Every portal that fell due (scheduledSyncDue), and,
 * when many portals fall due together, some of the next ones early. Portals connected in one go, or whose passes all
 * waited while the workers were down, fall due in the same tick at every interval, and the tail of that queue waits
 * for its head each time. So each tick queues at least the steady share that meets every deadline ahead: the most,
 * over the coming ticks, of the portals due by then divided by the ticks left to run them. Spread portals each take
 * their own tick and none is queued early; a bunch is spread over the ticks before its deadline, and stays spread.
 * A pass is never queued before a third of its interval (five minutes in the product), and the share is rounded
 * down, so a handful of portals are pulled forward by a tick or two at most.
 */
export function pickScheduledPasses(
  rows: readonly (PacedRow & { id: string })[],
  now: Date,
  cadence: SyncCadence,
): string[] {
  const due: string[] = []
  const ahead: { id: string; ticks: number }[] = []
  for (const row of rows) {
    const interval = passInterval(row, now, cadence.intervalMs)
    if (interval === null) continue
    if (row.lastPassAt === null || scheduledSyncDue(row, now, cadence)) {
      due.push(row.id)
      continue
    }
    const age = now.getTime() - row.lastPassAt.getTime()
    if (age < interval / 3) continue
    // Ticks until it falls due: it must be queued by then at the latest.
    ahead.push({ id: row.id, ticks: Math.ceil((interval - 3 * cadence.tickMs - age) / cadence.tickMs) })
  }
  ahead.sort((a, b) => a.ticks - b.ticks)
  let share = due.length
  let byThen = due.length
  for (let i = 0; i < ahead.length; i++) {
    byThen++
    const ticks = ahead[i]!.ticks
    if (ahead[i + 1]?.ticks === ticks) continue
    share = Math.max(share, Math.floor(byThen / (ticks + 1)))
  }
  return [...due, ...ahead.slice(0, share - due.length).map((row) => row.id)]
}

/**
 * Claims the connected integrations whose scheduled pass this tick queues (see pickScheduledPasses) and returns them,
 * the most urgent first, for the sweep to queue. A claim counts as a pass for the rule: a portal whose pass is still
 * waiting or running (the queue may be long, a pass may be retried) is not queued again by the next ticks, and two
 * sweeps running at once (a slow one overlapping the next) claim each portal once.
 */
export async function claimScheduledSyncs(db: Queryable, now: Date, cadence: SyncCadence): Promise<string[]> {
  // A type that has not finished a run yet counts from when its state was last written: an import that started a
  // minute ago is not due (its own job carries on), one that stalled for an interval is queued again.
  const lastPass = db
    .select({
      workspaceId: syncState.workspaceId,
      at: sql<Date | null>`min(coalesce(${syncState.lastRunAt}, ${syncState.updatedAt}))`.as('at'),
    })
    .from(syncState)
    .groupBy(syncState.workspaceId)
    .as('last_pass')
  // Postgres's greatest() skips nulls: a portal never claimed counts from its last pass, and the other way round.
  const lastPassAt = sql<Date | null>`greatest(${lastPass.at}, ${integrations.syncScheduledAt})`
  const rows = await db
    .select({
      id: integrations.id,
      dailyLimit: integrations.dailyLimit,
      dailyRemaining: integrations.dailyRemaining,
      dailySeenAt: integrations.dailySeenAt,
      lastPassAt,
    })
    .from(integrations)
    .leftJoin(lastPass, eq(lastPass.workspaceId, integrations.workspaceId))
    .where(inArray(integrations.status, ['connected', 'degraded']))
    .orderBy(sql`${lastPassAt} asc nulls first`)
  const due = pickScheduledPasses(
    rows.map((row) => ({ ...row, lastPassAt: row.lastPassAt === null ? null : new Date(row.lastPassAt) })),
    now,
    cadence,
  )
  if (due.length === 0) return []
  // Another sweep that claimed a portal since the read above did so within the tick: that claim stands.
  const claimed = await db
    .update(integrations)
    .set({ syncScheduledAt: now })
    .where(
      and(
        inArray(integrations.id, due),
        or(
          isNull(integrations.syncScheduledAt),
          lt(integrations.syncScheduledAt, new Date(now.getTime() - cadence.tickMs)),
        ),
      ),
    )
    .returning({ id: integrations.id })
  const ids = new Set(claimed.map((row) => row.id))
  return due.filter((id) => ids.has(id))
}
