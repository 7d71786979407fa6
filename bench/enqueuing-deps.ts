import type { AppDeps } from '../backend/src/app-deps'
import { parseConfig } from '../backend/src/config'
import { parseKeyRing } from '../backend/src/crypto/key-ring'
import { createDeps } from '../backend/src/create-deps'
import type { DatabaseHandle } from '../backend/src/db/database'
import { createLogger } from '../backend/src/http/create-logger'
import { resolveHubspotApp } from '../backend/src/integrations/hubspot/discover-simulator-app'
import { createDeferredScheduler } from '../backend/src/jobs/job-scheduler'
import { startJobs } from '../backend/src/jobs/start-jobs'
import { systemClock } from '../backend/src/lib/clock'

/**
 * The backend's deps in the bench process, configured from the same env as the spawned backends: it connects portals
 * and enqueues their jobs, and never works a job itself (the spawned workers do).
 */
export async function enqueuingDeps(
  env: Record<string, string> & { TOKEN_ENCRYPTION_KEYS: string; SESSION_SECRET: string },
  database: Pick<DatabaseHandle, 'db' | 'jobs'>,
): Promise<{ deps: AppDeps; stop(): Promise<void> }> {
  const config = parseConfig({ ...env, LOG_LEVEL: 'warn' }, { dataDir: '/tmp' })
  const ring = parseKeyRing(env.TOKEN_ENCRYPTION_KEYS)
  if (!ring.ok) throw new Error(ring.problems.join('; '))
  const scheduler = createDeferredScheduler()
  const deps = createDeps({
    config,
    db: database.db,
    keyRing: ring.ring,
    hubspot: await resolveHubspotApp(config.hubspot, fetch),
    fetch,
    clock: systemClock,
    logger: createLogger('warn'),
    sessionSecret: env.SESSION_SECRET,
    scheduler,
  })
  const enqueuer = await startJobs(deps, database.jobs, { work: false })
  await scheduler.attach(enqueuer)
  return { deps, stop: () => enqueuer.stop() }
}
