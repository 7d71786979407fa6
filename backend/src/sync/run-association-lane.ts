import { and, eq, sql } from 'drizzle-orm'
import { syncState } from '../db/schema'
import type { Result } from '../lib/result'
import { ok } from '../lib/result'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { listObjects } from '../integrations/hubspot/crm/list-objects'
import { readCompanyTickets } from '../integrations/hubspot/crm/read-company-tickets'
import type { SyncStateRow } from './load-sync-state'
import { rangeComplete } from './range-complete'
import { readTicketsInBatches } from './read-tickets-in-batches'
import type { SyncContext } from './sync-context'
import { assertSyncClaim } from './sync-claim'
import { sliceOver } from './sync-context'
import { upsertCrmObjects } from './upsert-crm-objects'

type Lane = SyncStateRow['lanes'][number]

/**
 * Tickets in the lane's id range (`from` < id ≤ `to`) without search: walk the companies (list API, ids only), ask
 * v4 for their tickets (one batch per 100 companies), and batch-read the tickets in the range, 100 a request. All of
 * it is on the 10-second budget, which search's own 5-per-second lanes leave largely unspent. The company cursor is
 * committed with each page's tickets, so a restart redoes at most one page (upserts make that harmless).
 *
 * The walk runs ahead of the batch reads (up to WALK_AHEAD pages) and records every ticket's company, in the range or
 * not, in `ctx.ticketCompanies`: the search lanes store their tickets without a company, and the import's end links
 * them from there (link-imported-tickets.ts) instead of asking v4. The batch reads take only what nothing else is
 * waiting for.
 *
 * A ticket with no company is not reached this way, and a company with more tickets than one association row
 * lists would be cut short: at the end, the tickets stored in the range are counted against search's total for it,
 * and on any shortfall the lane turns into a search lane over the same range (`after` resolves the rest).
 */
export async function runAssociationLane(
  ctx: SyncContext,
  index: number,
  lane: Lane,
): Promise<Result<'done' | 'needs_search' | 'paused', CrmCallError>> {
  const inRange = (id: string) => Number(id) > lane.from && Number(id) <= lane.to
  const seen = new Set<string>()
  let truncated = false
  const bulk = ctx.client.inBackground()
  const walk = walkCompanies(ctx, inRange, lane.cursor ?? null)
  let pending = walk.first
  // The page before this one, being saved: the next page's reads go out meanwhile, so the budget is not left idle
  // while the database works. One save at a time keeps the checkpoints in order.
  let saving: Promise<void> = Promise.resolve()
  try {
    for (;;) {
      const step = await pending()
      if (!step.ok) return step
      const { page, rest } = step.value
      walk.consumed()
      if (rest) pending = rest
      truncated ||= page.truncated
      const ids = [...page.companyOf.keys()].filter((id) => inRange(id) && !seen.has(id))
      const reads = await readTicketsInBatches(bulk, ids)
      if (!reads.ok) return reads
      const batches = reads.value
      const read = batches.reduce((n, batch) => n + batch.length, 0)
      for (const id of ids) seen.add(id)
      const links = page.companyOf
      const next = page.next
      const now = ctx.clock.now()
      await saving
      saving = ctx.db.transaction(async (tx) => {
        await assertSyncClaim(ctx.claim, tx) // a run that lost its job writes nothing more
        // One statement per batch read: a page of companies can hold thousands of tickets, more than one statement's
        // parameters allow.
        for (const batch of batches)
          for (const id of await upsertCrmObjects(tx, ctx.workspaceId, 'tickets', batch, links, now))
            ctx.touchedCompanies.add(id)
        await tx
          .update(syncState)
          .set({
            lanes: sql`jsonb_set(${syncState.lanes}, ${`{${index},cursor}`}::text[], coalesce(to_jsonb(${next}::text), 'null'::jsonb))`,
            recordsDone: sql`${syncState.recordsDone} + ${read}`,
            updatedAt: now,
          })
          .where(and(eq(syncState.workspaceId, ctx.workspaceId), eq(syncState.objectType, 'tickets')))
      })
      // Awaited before the next save or on the way out; until then a failure must not surface as unhandled.
      saving.catch(() => undefined)
      if (next === null || !rest) break
      // Resumes from the committed company cursor; the completeness check waits for the lane's real end.
      if (sliceOver(ctx)) return ok('paused')
    }
  } finally {
    walk.stop()
    // Whatever the way out, the last save has landed (or its failure, such as a lost claim, is thrown) first.
    await saving
  }
  return !truncated && (await rangeComplete(ctx, lane)) ? ok('done') : ok('needs_search')
}

/** How many pages of companies the walk may read before the batch reads have used them (their in-range ids wait). */
const WALK_AHEAD = 200
/** Ticket → company links kept for the end of the import; beyond this many, it asks v4 for the rest. */
const SHARED_LINKS_CAP = 2_000_000

/**
 * Whether this run's walk has seen every ticket with a company: it began at the first company (a resumed walk knows
 * only the companies after its cursor) and kept every link it found. Only then can it vouch for other lanes' ranges.
 */
export function walkSawEveryTicket(ctx: SyncContext, lane: Lane): boolean {
  return (lane.cursor ?? null) === null && ctx.ticketCompanies.size < SHARED_LINKS_CAP
}

interface WalkedPage {
  /** The page's tickets in the lane's range, each with its company. */
  companyOf: Map<string, number>
  truncated: boolean
  next: string | null
}

type WalkStep = () => Promise<Result<{ page: WalkedPage; rest: WalkStep | null }, CrmCallError>>

/**
 * Companies and their tickets, page after page (the list cursor is sequential), eagerly up to WALK_AHEAD pages before
 * the consumer. Each step is memoised: the walk starts a step early, the consumer awaits the same one. Every link
 * found goes to `ctx.ticketCompanies` for the import's end; a page keeps only its tickets in the lane's range.
 */
function walkCompanies(ctx: SyncContext, inRange: (id: string) => boolean, after: string | null) {
  const shared = ctx.ticketCompanies
  let walked = 0
  let consumed = 0
  let stopped = false
  // The walk's association reads only feed the batch reads, which are background work too: the slots a request is
  // waited on are for the sequential lists (companies, contacts), the import's longest chain.
  const bulk = ctx.client.inBackground()
  const readTickets = async (ids: string[]): Promise<Result<Omit<WalkedPage, 'next'>, CrmCallError>> => {
    const tickets =
      ids.length === 0
        ? ok({ companyOf: new Map<string, number>(), truncated: false })
        : await readCompanyTickets(bulk, ids)
    if (!tickets.ok) return tickets
    const companyOf = new Map<string, number>()
    for (const [ticket, company] of tickets.value.companyOf) {
      if (inRange(ticket)) companyOf.set(ticket, company)
      if (shared.size < SHARED_LINKS_CAP) shared.set(ticket, company)
    }
    return ok({ companyOf, truncated: tickets.value.truncated })
  }
  // The companies import lists the same pages in this run, usually: the walk follows it and lists only what it misses.
  const listCompanyIds = async (
    cursor: string | null,
  ): Promise<Result<{ ids: string[]; next: string | null }, CrmCallError>> => {
    const fed = stopped ? null : await ctx.companyPages?.take(cursor)
    if (fed) return ok(fed)
    const page = await listObjects(ctx.client, 'companies', { properties: ['hs_object_id'], after: cursor })
    if (!page.ok) return page
    return ok({ ids: page.value.results.map((company) => company.id), next: page.value.paging?.next.after ?? null })
  }
  const from = (cursor: string | null): WalkStep => {
    let started: ReturnType<WalkStep> | null = null
    const step: WalkStep = () => {
      started ??= listCompanyIds(cursor).then(async (page) => {
        if (!page.ok) return page
        walked++
        const { ids, next } = page.value
        const rest = next === null ? null : from(next)
        // The next listing goes out now, beside this page's association read. A step the lane never reaches
        // again (it stopped) must not surface as an unhandled rejection.
        if (rest && !stopped && walked - consumed < WALK_AHEAD) rest().catch(() => undefined)
        const tickets = await readTickets(ids)
        if (!tickets.ok) return tickets
        return ok({ page: { ...tickets.value, next }, rest })
      })
      return started
    }
    return step
  }
  return {
    first: from(after),
    consumed: () => void consumed++,
    /** No new page is started once the lane has stopped (paused, failed or done), and none is kept for it. */
    stop: () => {
      stopped = true
      ctx.companyPages?.close()
    },
  }
}
