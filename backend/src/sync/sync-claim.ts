import type { Queryable } from '../db/database'

/**
 * The run's hold on its portal's sync. A worker that stalls long enough to lose its job (a missed
 * heartbeat) may still be running when another worker takes the job over; every checkpoint commit
 * first checks the hold inside its own transaction, so a run that lost it can write nothing more.
 */
export interface SyncClaim {
  /** Aborted when the queue sees that this run no longer holds the job. */
  signal: AbortSignal
  /** Whether this run still holds the job, read (and kept, until commit) inside `tx`. */
  holds(tx: Queryable): Promise<boolean>
}

/** Thrown inside a checkpoint transaction (rolling it back) when the run no longer holds its claim. */
export class SyncClaimLost extends Error {
  constructor() {
    super('another worker holds this sync now')
    this.name = 'SyncClaimLost'
  }
}

/** Called first in every checkpoint transaction of a run. */
export async function assertSyncClaim(claim: SyncClaim | null, tx: Queryable): Promise<void> {
  if (!claim) return
  if (claim.signal.aborted || !(await claim.holds(tx))) throw new SyncClaimLost()
}
