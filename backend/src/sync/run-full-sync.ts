import { and, eq, sql } from 'drizzle-orm'
import { syncState } from '../db/schema'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import { companyAssociation, requestedProperties } from '../integrations/hubspot/crm/crm-object-types'
import { syncPropertiesFor } from '../revenue/sync-properties-for'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { CrmObject } from '../integrations/hubspot/crm/crm-schemas'
import { listObjects } from '../integrations/hubspot/crm/list-objects'
import { searchObjects } from '../integrations/hubspot/crm/search-objects'
import { fetchCompanyLinks } from './fetch-company-links'
import { linkImportedTickets } from './link-imported-tickets'
import { fullSyncStrategy } from './full-sync-strategy'
import type { SyncStateRow } from './load-sync-state'
import { assertSyncClaim } from './sync-claim'
import type { SyncContext } from './sync-context'
import { ASSOCIATION_LANE_SHARE, FULL_SYNC_LANES, OVERLAP_MS, SEARCH_PAGE, sliceOver } from './sync-context'
import { helpSearchLanes } from './help-search-lanes'
import { runAssociationLane, walkSawEveryTicket } from './run-association-lane'
import { SearchLaneBoard } from './search-lane-board'
import { upsertCrmObjects } from './upsert-crm-objects'

const byId = { propertyName: 'hs_object_id', direction: 'ASCENDING' } as const

/**
 * Plans the first full sync: the id range and an estimate of the total (two searches), split
 * into keyset lanes that page independently. Keyset paging (`hs_object_id > last`) never meets
 * search's 10,000-result cap, and each lane's position is a plain id that survives a restart.
 */
export async function planFullSync(
  ctx: SyncContext,
  type: CrmObjectType,
  state: SyncStateRow,
): Promise<Result<SyncStateRow, CrmCallError>> {
  const first = await searchObjects(ctx.client, type, { filters: [], sort: byId, limit: 1 })
  if (!first.ok) return first
  if (fullSyncStrategy[type] === 'list')
    return saveLanes(
      ctx,
      type,
      state,
      [{ from: 0, to: 0, lastId: null, done: false, cursor: null, kind: 'list' }],
      first.value.total,
    )
  const last = await searchObjects(ctx.client, type, {
    filters: [],
    sort: { ...byId, direction: 'DESCENDING' },
    limit: 1,
  })
  if (!last.ok) return last
  const min = Number(first.value.results[0]?.id ?? 0)
  const max = Number(last.value.results[0]?.id ?? 0)
  const total = first.value.total
  const laneCount = total === 0 ? 0 : Math.max(1, Math.min(FULL_SYNC_LANES, Math.ceil(total / 1000)))
  // A large ticket import also reads the lowest part of the id range through company→ticket associations and
  // batch reads: search is capped at 5 requests a second, and that lane spends the 10-second budget that search's
  // association reads leave over.
  const listShare = total >= 5000 && type === 'tickets' ? ASSOCIATION_LANE_SHARE : 0
  const span = max - min + 1
  const listTo = min - 1 + Math.floor(span * listShare)
  const width = laneCount === 0 ? 0 : Math.ceil((max - listTo) / laneCount)
  const lanes: SyncStateRow['lanes'] = Array.from({ length: laneCount }, (_, i) => ({
    from: listTo + i * width,
    to: i === laneCount - 1 ? max : listTo + (i + 1) * width,
    lastId: null,
    done: false,
    kind: 'search' as const,
  }))
  if (listShare > 0)
    lanes.unshift({ from: min - 1, to: listTo, lastId: null, done: false, cursor: null, kind: 'associations' })
  return saveLanes(ctx, type, state, lanes, total)
}

async function saveLanes(
  ctx: SyncContext,
  type: CrmObjectType,
  state: SyncStateRow,
  lanes: SyncStateRow['lanes'],
  total: number,
): Promise<Result<SyncStateRow, CrmCallError>> {
  const now = ctx.clock.now()
  const [row] = await ctx.db.transaction(async (tx) => {
    await assertSyncClaim(ctx.claim, tx) // a run that lost its job must not plan the import over again
    return tx
      .update(syncState)
      .set({
        phase: 'full',
        lanes,
        recordsDone: 0,
        estimatedTotal: total,
        fullStartedAt: now,
        lastErrorCode: null,
        updatedAt: now,
      })
      .where(and(eq(syncState.workspaceId, state.workspaceId), eq(syncState.objectType, type)))
      .returning()
  })
  if (!row) throw new Error('sync_state row vanished')
  return ok(row)
}

/** A lane, or the whole pass, ran to its end or stopped at the end of its slice (resumable from its checkpoint). */
export type LaneOutcome = 'done' | 'paused'

/** Runs (or resumes) every unfinished lane concurrently; each page and its checkpoint commit together. */
export async function runFullSync(
  ctx: SyncContext,
  type: CrmObjectType,
  state: SyncStateRow,
): Promise<Result<LaneOutcome, CrmCallError>> {
  const kindOf = (lane: SyncStateRow['lanes'][number]) =>
    lane.kind ?? (fullSyncStrategy[type] === 'list' ? 'list' : 'search')
  // Where the search lanes stand, for an association lane that finishes first to take the top of their ranges.
  const board = new SearchLaneBoard()
  state.lanes.forEach((lane, index) => {
    if (!lane.done && kindOf(lane) === 'search') board.add(index, lane.lastId ?? lane.from, lane.to)
  })
  const results = await Promise.all(
    state.lanes.map((lane, index): Promise<Result<LaneOutcome, CrmCallError>> => {
      if (lane.done) return Promise.resolve(ok('done'))
      const kind = kindOf(lane)
      if (kind === 'associations') return runAssociationThenSearch(ctx, type, index, lane, board)
      return kind === 'list' ? runListLane(ctx, type, index, lane) : runLane(ctx, type, index, lane, board)
    }),
  )
  const failed = results.find((r) => !r.ok)
  if (failed && !failed.ok) return err(failed.error)
  if (results.some((r) => r.ok && r.value === 'paused')) return ok('paused')
  if (type === 'tickets') {
    const linked = await linkImportedTickets(ctx, state.fullStartedAt ?? ctx.clock.now())
    if (!linked.ok) return linked
  }
  const now = ctx.clock.now()
  // Changes made while the full pass ran are picked up by the first incremental pass.
  const highWaterMark = new Date((state.fullStartedAt ?? now).getTime() - OVERLAP_MS)
  await ctx.db.transaction(async (tx) => {
    await assertSyncClaim(ctx.claim, tx)
    await tx
      .update(syncState)
      .set({ phase: 'incremental', fullCompletedAt: now, highWaterMark, updatedAt: now })
      .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, type)))
  })
  return ok('done')
}

/**
 * The association lane, then the top of the search lanes' ranges while they finish (help-search-lanes.ts); where it
 * could not vouch for its whole range, the same range again through search instead.
 */
async function runAssociationThenSearch(
  ctx: SyncContext,
  type: CrmObjectType,
  index: number,
  lane: SyncStateRow['lanes'][number],
  board: SearchLaneBoard,
): Promise<Result<LaneOutcome, CrmCallError>> {
  const outcome = await runAssociationLane(ctx, index, lane)
  if (!outcome.ok) return outcome
  if (outcome.value === 'paused') return ok('paused')
  const now = ctx.clock.now()
  const finished = outcome.value === 'done'
  await ctx.db
    .update(syncState)
    .set({
      lanes: finished
        ? sql`jsonb_set(${syncState.lanes}, ${`{${index},done}`}::text[], 'true'::jsonb)`
        : sql`jsonb_set(${syncState.lanes}, ${`{${index},kind}`}::text[], '"search"'::jsonb)`,
      updatedAt: now,
    })
    .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, type)))
  if (finished && walkSawEveryTicket(ctx, lane))
    return helpSearchLanes(ctx, board, (taken, range) => runLane(ctx, type, taken, range))
  if (finished) return ok('done')
  ctx.logger.info(
    { workspaceId: ctx.workspaceId, from: lane.from, to: lane.to },
    'association lane short: searching its range',
  )
  return runLane(ctx, type, index, { ...lane, kind: 'search', lastId: null })
}

/** A search lane; on the board, the top of its range may be taken by another reader while it runs. */
async function runLane(
  ctx: SyncContext,
  type: CrmObjectType,
  index: number,
  lane: SyncStateRow['lanes'][number],
  board?: SearchLaneBoard,
): Promise<Result<LaneOutcome, CrmCallError>> {
  try {
    return await searchLane(ctx, type, index, lane, board)
  } finally {
    board?.finished(index)
  }
}

async function searchLane(
  ctx: SyncContext,
  type: CrmObjectType,
  index: number,
  lane: SyncStateRow['lanes'][number],
  board: SearchLaneBoard | undefined,
): Promise<Result<LaneOutcome, CrmCallError>> {
  const search = (after: number) =>
    searchObjects(ctx.client, type, {
      filters: [
        { propertyName: 'hs_object_id', operator: 'GT', value: String(after) },
        { propertyName: 'hs_object_id', operator: 'LTE', value: String(board?.upperBound(index, lane.to) ?? lane.to) },
      ],
      sort: byId,
      limit: SEARCH_PAGE,
      properties: requestedProperties(type, syncPropertiesFor(ctx.revenue)),
    })
  let pending = search(lane.lastId ?? lane.from)
  for (;;) {
    const page = await pending
    if (!page.ok) return page
    const objects = page.value.results
    const done = objects.length < SEARCH_PAGE
    const nextId = objects.length > 0 ? Number(objects[objects.length - 1]!.id) : (lane.lastId ?? lane.from)
    // Pipelined: the next page is already on its way while this one is saved.
    if (!done) pending = search(nextId)
    // Tickets take their company from the association lane's walk where it has seen them; the rest are stored
    // without one until linkImportedTickets ends the import.
    const links = type === 'tickets' ? ok(walkedCompanies(ctx, objects)) : await fetchCompanyLinks(ctx, type, objects)
    if (!links.ok) return links
    const now = ctx.clock.now()
    await ctx.db.transaction(async (tx) => {
      await assertSyncClaim(ctx.claim, tx)
      for (const id of await upsertCrmObjects(tx, ctx.workspaceId, type, objects, links.value, now, ctx.revenue))
        ctx.touchedCompanies.add(id)
      // Only this lane's entry moves, so concurrent lanes never overwrite each other's checkpoint.
      await tx
        .update(syncState)
        .set({
          lanes: sql`jsonb_set(jsonb_set(${syncState.lanes}, ${`{${index},lastId}`}::text[], to_jsonb(${nextId}::bigint)), ${`{${index},done}`}::text[], to_jsonb(${done}::boolean))`,
          recordsDone: sql`${syncState.recordsDone} + ${objects.length}`,
          updatedAt: now,
        })
        .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, type)))
    })
    board?.progress(index, nextId)
    if (done) return ok('done')
    if (sliceOver(ctx)) return ok('paused') // the page already requested is dropped: one request, read again next slice
  }
}

/**
 * The list API, one cursor: `after` is committed with each page, so a restart continues there.
 * The list runs in id order; a lane with an upper bound (`to` > 0) stops once it passes it.
 */
async function runListLane(
  ctx: SyncContext,
  type: CrmObjectType,
  index: number,
  lane: SyncStateRow['lanes'][number],
): Promise<Result<LaneOutcome, CrmCallError>> {
  const bound = lane.to > 0 ? lane.to : null
  const association = companyAssociation[type]
  const list = (after: string | null) =>
    listObjects(ctx.client, type, {
      properties: requestedProperties(type, syncPropertiesFor(ctx.revenue)),
      withCompanies: association !== undefined,
      after,
    })
  // The companies listed here are the pages the ticket import's association walk would otherwise list again.
  const feed = type === 'companies' && bound === null ? ctx.companyPages : undefined
  let cursor = lane.cursor ?? null
  feed?.begin(cursor)
  let pending = list(cursor)
  for (;;) {
    const page = await pending
    if (!page.ok) return page
    feed?.publish({
      after: cursor,
      ids: page.value.results.map((o) => o.id),
      next: page.value.paging?.next.after ?? null,
    })
    const objects = bound === null ? page.value.results : page.value.results.filter((o) => Number(o.id) <= bound)
    const passedBound = bound !== null && objects.length < page.value.results.length
    const links = new Map<string, number>()
    for (const object of objects) {
      const companies = object.associations?.companies?.results ?? []
      // The labelled type is the primary company; "_unlabeled" repeats it or lists the others.
      const primary = companies.find((c) => !c.type.endsWith('_unlabeled')) ?? companies[0]
      if (primary) links.set(object.id, Number(primary.id))
    }
    const next = passedBound ? null : (page.value.paging?.next.after ?? null)
    // Pipelined: the next page is on its way while this one is saved (the cursor still commits with the data).
    if (next !== null) pending = list((cursor = next))
    const now = ctx.clock.now()
    await ctx.db.transaction(async (tx) => {
      await assertSyncClaim(ctx.claim, tx)
      for (const id of await upsertCrmObjects(tx, ctx.workspaceId, type, objects, links, now, ctx.revenue))
        ctx.touchedCompanies.add(id)
      await tx
        .update(syncState)
        .set({
          lanes: sql`jsonb_set(jsonb_set(${syncState.lanes}, ${`{${index},cursor}`}::text[], coalesce(to_jsonb(${next}::text), 'null'::jsonb)), ${`{${index},done}`}::text[], to_jsonb(${next === null}::boolean))`,
          recordsDone: sql`${syncState.recordsDone} + ${objects.length}`,
          updatedAt: now,
        })
        .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, type)))
    })
    if (next === null) return ok('done')
    if (sliceOver(ctx)) return ok('paused') // the page already requested is dropped: read again next slice
  }
}

function walkedCompanies(ctx: SyncContext, objects: readonly CrmObject[]): Map<string, number> {
  const links = new Map<string, number>()
  for (const { id } of objects) {
    const company = ctx.ticketCompanies.get(id)
    if (company !== undefined) links.set(id, company)
  }
  return links
}
