import type { RevenueSettings } from '@churnlens/contracts'
import type { Logger } from 'pino'
import type { Database } from '../db/database'
import type { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import type { Clock } from '../lib/clock'
import type { CompanyPageFeed } from './company-page-feed'
import type { SyncClaim } from './sync-claim'

export interface SyncContext {
  db: Database
  client: HubspotClient
  workspaceId: string
  clock: Clock
  logger: Logger
  /** Companies whose tickets changed during this run: their churn scores are recomputed after it. */
  touchedCompanies: Set<number>
  /**
   * Ticket id → its company, as a first import's association lane found them walking company→ticket associations
   * (run-association-lane.ts): the import's tickets stored without a company are linked from here at its end.
   */
  ticketCompanies: Map<string, number>
  /** The companies import's list pages, for the association walk to follow instead of listing them again. */
  companyPages?: CompanyPageFeed
  /** Set when the run is a queue job: checked in every checkpoint transaction. */
  claim: SyncClaim | null
  /**
   * When a first import should hand its worker slot back (`performance.now()` ms), or null to run to the end.
   * Lanes stop after committing the page in hand, so the next slice resumes exactly there.
   */
  sliceEndsAt: number | null
  /** How long a listing of the archived records stays good enough (0: list them on every pass). */
  archivedSweepEveryMs: number
  /** Where revenue and renewal come from: a chosen company property is read with the others. */
  revenue: RevenueSettings
}

/** Whether the import has had its share of the worker for now (see SyncContext.sliceEndsAt). */
export function sliceOver(ctx: Pick<SyncContext, 'sliceEndsAt'>): boolean {
  return ctx.sliceEndsAt !== null && performance.now() >= ctx.sliceEndsAt
}

/** Incremental syncs reach this far behind the high-water mark, so edits landing at the boundary
 * (HubSpot's search index lags writes by "a few moments") are never missed. */
export const OVERLAP_MS = 5 * 60_000

/** Keyset lanes for the first full sync: more lanes keep the search budget busy despite latency. */
export const FULL_SYNC_LANES = 4
/** Share of a large ticket import's id range read through company→ticket associations and batch reads, on the
 * 10-second budget beside search's lanes (see run-association-lane.ts). Measured in bench:sync: 0.44 lets both end
 * together now that search lanes leave every company link to the import's end (0.4 left search the tail by 10 s,
 * 0.5 the batch reads by 18 s). */
export const ASSOCIATION_LANE_SHARE = 0.44
/** HubSpot's batch read takes up to 100 ids. */
export const BATCH_READ_SIZE = 100
export const SEARCH_PAGE = 200
/** HubSpot's search refuses to page past 10,000 results; windows restart before that. */
export const SEARCH_RESULT_CAP = 10_000
