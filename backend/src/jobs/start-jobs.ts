import { PgBoss, fromPglite } from 'pg-boss'
import type { AppDeps } from '../app-deps'
import type { JobsConnection } from '../db/database'
import { refreshExpiringTokens } from './refresh-expiring-tokens'

const REFRESH_QUEUE = 'refresh-expiring-tokens'

/**
 * Background work on pg-boss, in the same Postgres (or the same PGlite) as the data, so a job
 * and the rows it touches share one source of truth. Every backend instance runs a worker; the
 * schedule fires once per minute for the whole cluster.
 */
export async function startJobs(deps: Pick<AppDeps, 'db' | 'clock' | 'tokens' | 'logger'>, connection: JobsConnection) {
  const boss = connection.kind === 'postgres'
    // The queue needs few connections; the API's pool is where concurrency lives.
    ? new PgBoss({ connectionString: connection.url, max: 3 })
    : new PgBoss({ db: fromPglite(connection.client), backend: 'pglite' })
  boss.on('error', (error) => deps.logger.error({ err: error }, 'job queue error'))
  await boss.start()
  await boss.createQueue(REFRESH_QUEUE, { retryLimit: 0, expireInSeconds: 300 })
  await boss.schedule(REFRESH_QUEUE, '* * * * *')
  await boss.work(REFRESH_QUEUE, async () => {
    await refreshExpiringTokens(deps)
  })
  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 })
    },
  }
}
