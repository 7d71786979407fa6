import { and, eq } from 'drizzle-orm'
import { integer, pgSchema, text, uuid } from 'drizzle-orm/pg-core'
import type { SyncClaim } from '../sync/sync-claim'

/** The columns of pg-boss's own job table that a claim reads (pg-boss creates and migrates it). */
const bossJobs = pgSchema('pgboss').table('job', {
  id: uuid('id').notNull(),
  name: text('name').notNull(),
  state: text('state').notNull(),
  retryCount: integer('retry_count').notNull(),
})

/**
 * A pg-boss job's claim, readable from our own transactions (the queue lives in the same database).
 * The attempt number is the fence: a job failed by a missed heartbeat and claimed again by another
 * worker is active once more, but with a higher retry count. `for share` makes the supervisor wait
 * for our commit before it can take the job away, so a checkpoint is never written after a takeover.
 */
export function jobClaim(queue: string, job: { id: string; retryCount: number; signal: AbortSignal }): SyncClaim {
  return {
    signal: job.signal,
    async holds(tx) {
      const rows = await tx
        .select({ id: bossJobs.id })
        .from(bossJobs)
        .where(
          and(
            eq(bossJobs.name, queue),
            eq(bossJobs.id, job.id),
            eq(bossJobs.retryCount, job.retryCount),
            eq(bossJobs.state, 'active'),
          ),
        )
        .for('share')
      return rows.length > 0
    },
  }
}
