import { serve } from '@hono/node-server'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { parseConfigOrExit } from './config'
import { createDeps } from './create-deps'
import { createDeferredScheduler } from './jobs/job-scheduler'
import { startJobs } from './jobs/start-jobs'
import { loadDevSecrets } from './crypto/load-dev-secrets'
import { openDatabase } from './db/open-database'
import { createLogger } from './http/create-logger'
import { resolveHubspotApp } from './integrations/hubspot/discover-simulator-app'
import { systemClock } from './lib/clock'
import { startMailCatcher } from './mail/start-mail-catcher'

// Entry points (this file and cli/*) are the only code that reads process.env.
const defaultDataDir = fileURLToPath(new URL('../../.data', import.meta.url))

const config = parseConfigOrExit(process.env, { dataDir: defaultDataDir })

const logger = createLogger(config.logLevel)
let { keyRing, sessionSecret } = config
// parseConfig refused to get here without real secrets outside development and test.
if ((!keyRing || !sessionSecret) && config.allowDevSecrets) {
  const dataDir = config.database.kind === 'pglite' ? config.database.dataDir : defaultDataDir
  const dev = loadDevSecrets(dataDir)
  keyRing ??= dev.keyRing
  sessionSecret ??= dev.sessionSecret
  logger.warn(
    { file: `${dataDir}/dev-secrets.json`, created: dev.created },
    'DEVELOPMENT SECRETS IN USE: tokens are sealed with a locally generated key. Production must set TOKEN_ENCRYPTION_KEYS and SESSION_SECRET.',
  )
}

if (!keyRing || !sessionSecret) throw new Error('no secrets: parseConfig should have refused this configuration')

// Without SMTP_URL (never in production: config requires it) mail goes to a catcher on its own port. Where another
// process of ours (an API beside a worker) already hosts it, this one sends its mail there.
const mailCatcher = config.mail.kind === 'catcher' ? await hostMailCatcher(config.mail.port) : null
if (mailCatcher)
  logger.warn(
    { port: mailCatcher.port, page: `${config.publicUrl}/dev/mail` },
    'DEVELOPMENT MAIL CATCHER: mail is not delivered; read it in the app at /dev/mail. Production must set SMTP_URL and MAIL_FROM.',
  )

const database = await openDatabase(
  config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir },
)
const hubspot = await resolveHubspotApp(config.hubspot, fetch)
const scheduler = createDeferredScheduler()
const deps = createDeps({
  config,
  db: database.db,
  keyRing,
  hubspot,
  fetch,
  clock: systemClock,
  logger,
  sessionSecret,
  scheduler,
  mailCatcher,
})
const app = createApp(deps)
const jobs = await startJobs(deps, database.jobs, { work: config.runWorker })
await scheduler.attach(jobs)

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(
    { port: info.port, database: database.kind, hubspot: config.hubspot.mode, apiBaseUrl: hubspot.apiBaseUrl },
    'backend listening',
  )
})

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'backend stopping')
  server.close()
  await mailCatcher?.close()
  await jobs.stop()
  await database.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

async function hostMailCatcher(port: number) {
  try {
    return await startMailCatcher({ port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    logger.info({ port }, 'development mail catcher already running in another process: mail is sent there')
    return null
  }
}
