import { and, eq, sql } from 'drizzle-orm'
import { syncState } from '../db/schema'
import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { SyncStateRow } from './load-sync-state'
import { rangeComplete } from './range-complete'
import { readTicketsInBatches } from './read-tickets-in-batches'
import type { SearchLaneBoard, TakenRange } from './search-lane-board'
import { assertSyncClaim } from './sync-claim'
import type { SyncContext } from './sync-context'
import { BATCH_READ_SIZE, SEARCH_PAGE, sliceOver } from './sync-context'
import { upsertCrmObjects } from './upsert-crm-objects'

type Lane = SyncStateRow['lanes'][number]
type LaneOutcome = 'done' | 'paused'

/** Ids taken at a time: ten batch reads, about a second of the 10-second budget. */
const TAKE_AT_ONCE = 10 * BATCH_READ_SIZE
/** A search lane keeps its next page; with under two pages left it is about to finish and is left alone. */
const LEFT_TO_SEARCH = SEARCH_PAGE

/**
 * Once the association lane has read its own range, the rest of the 10-second budget would sit idle while search's
 * 5 requests a second finish the other lanes. So it takes the top of the busiest search lane's range, a thousand
 * known ids at a time, and batch-reads them, until every search lane is down to its last page (search-lane-board.ts).
 *
 * The walk has seen every ticket with a company (`ctx.ticketCompanies`, each with its company). Each taken range is
 * recorded as a search lane of its own before it is read, and marked done only once search's count for it matches
 * what is stored: a crash or a paused slice leaves it to be searched, and a ticket the walk could not see (one with
 * no company) sends the range to `searchRange`. Nothing is read twice but the page a search lane already had on its
 * way when its range was cut.
 */
export async function helpSearchLanes(
  ctx: SyncContext,
  board: SearchLaneBoard,
  searchRange: (index: number, lane: Lane) => Promise<Result<LaneOutcome, CrmCallError>>,
): Promise<Result<LaneOutcome, CrmCallError>> {
  const known = Float64Array.from(ctx.ticketCompanies.keys(), Number).sort()
  const bulk = ctx.client.inBackground()
  // Each range is checked (and searched if short) while the next one is read: a check waits on search's 5 a second.
  const checks: Promise<Result<LaneOutcome, CrmCallError>>[] = []
  const outcome = async (): Promise<Result<LaneOutcome, CrmCallError>> => {
    for (const checked of await Promise.all(checks)) if (!checked.ok || checked.value === 'paused') return checked
    return ok('done')
  }
  for (;;) {
    if (sliceOver(ctx)) {
      const checked = await outcome()
      return checked.ok ? ok('paused') : checked
    }
    const taken = board.take(known, TAKE_AT_ONCE, LEFT_TO_SEARCH)
    if (!taken) return outcome()
    const index = await recordTakenRange(ctx, taken)
    const read = await readTicketsInBatches(bulk, taken.ids.map(String))
    if (!read.ok) {
      await Promise.allSettled(checks)
      return read // the range stays a search lane for the next run
    }
    const batches = read.value
    const now = ctx.clock.now()
    await ctx.db.transaction(async (tx) => {
      await assertSyncClaim(ctx.claim, tx)
      for (const batch of batches)
        for (const id of await upsertCrmObjects(tx, ctx.workspaceId, 'tickets', batch, ctx.ticketCompanies, now))
          ctx.touchedCompanies.add(id)
      const stored = batches.reduce((n, batch) => n + batch.length, 0)
      await tx
        .update(syncState)
        .set({ recordsDone: sql`${syncState.recordsDone} + ${stored}`, updatedAt: now })
        .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, 'tickets')))
    })
    const check = checkTakenRange(ctx, index, laneOf(taken), searchRange)
    // Awaited with the others; until then a failure (a lost claim) must not surface as unhandled.
    check.catch(() => undefined)
    checks.push(check)
  }
}

/** Done once search's count for the range matches what is stored; on a shortfall, searched like any lane. */
async function checkTakenRange(
  ctx: SyncContext,
  index: number,
  lane: Lane,
  searchRange: (index: number, lane: Lane) => Promise<Result<LaneOutcome, CrmCallError>>,
): Promise<Result<LaneOutcome, CrmCallError>> {
  if (!(await rangeComplete(ctx, lane))) return searchRange(index, lane)
  await markDone(ctx, index)
  return ok('done')
}

/** The search lane's bound comes down, and the taken part is a lane of its own: one transaction, so neither is lost. */
async function recordTakenRange(ctx: SyncContext, taken: TakenRange): Promise<number> {
  const lane = laneOf(taken)
  const now = ctx.clock.now()
  const [row] = await ctx.db.transaction(async (tx) => {
    await assertSyncClaim(ctx.claim, tx)
    return tx
      .update(syncState)
      .set({
        lanes: sql`jsonb_set(${syncState.lanes}, ${`{${taken.lane},to}`}::text[], to_jsonb(${taken.from}::bigint)) || jsonb_build_array(${JSON.stringify(lane)}::jsonb)`,
        updatedAt: now,
      })
      .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, 'tickets')))
      .returning({ lanes: sql<number>`jsonb_array_length(${syncState.lanes})` })
  })
  if (!row) throw new Error('sync_state row vanished')
  return Number(row.lanes) - 1
}

async function markDone(ctx: SyncContext, index: number): Promise<void> {
  await ctx.db
    .update(syncState)
    .set({
      lanes: sql`jsonb_set(${syncState.lanes}, ${`{${index},done}`}::text[], 'true'::jsonb)`,
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, 'tickets')))
}

/** A taken range as a search lane that has read nothing yet: what a crash or a short count leaves to search. */
function laneOf(taken: TakenRange): Lane {
  return { from: taken.from, to: taken.to, lastId: null, done: false, kind: 'search' }
}
