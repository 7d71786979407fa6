import { pino } from 'pino'
import { z } from 'zod'
import { createDeps } from '../create-deps'
import { resolveHubspotApp } from '../integrations/hubspot/discover-simulator-app'
import { systemClock } from '../lib/clock'
import { runSync } from '../sync/run-sync'
import { openCliContext } from './open-cli-context'

// `npm run sync -- <integration-id>`: one sync pass in this process, for operators and for
// crash tests. It resumes from the stored checkpoint like the background job does.
const integrationId = z.uuid().safeParse(process.argv[2])
if (!integrationId.success) {
  console.error('usage: npm run sync -- <integration-id>')
  process.exit(64)
}
const { config, database, keyRing } = await openCliContext()
const logger = pino({ level: config.logLevel === 'silent' ? 'silent' : 'warn' })
const deps = createDeps({
  config,
  db: database.db,
  keyRing,
  hubspot: await resolveHubspotApp(config.hubspot, fetch),
  fetch,
  clock: systemClock,
  logger,
  sessionSecret: config.sessionSecret ?? 'unused-by-sync-only-needed-for-sessions',
  scheduler: {
    requestSync: async () => undefined,
    requestWebhookProcessing: async () => undefined,
    requestRescore: async () => undefined,
    requestModelRun: async () => undefined,
    requestAlertCheck: async () => undefined,
    requestCompanyValues: async () => undefined,
  },
})
const outcome = await runSync(deps, integrationId.data)
console.log(JSON.stringify(outcome))
await database.close()
process.exit(outcome.status === 'done' && outcome.failures.length === 0 ? 0 : 1)
