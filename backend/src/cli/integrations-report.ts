import { formatIntegrationsReport, reportIntegrations } from '../integrations/hubspot/report-integrations'
import { openCliContext } from './open-cli-context'

// `npm run integrations:report`: how many integrations are on each auth type and status.
const { database } = await openCliContext()
console.log(formatIntegrationsReport(await reportIntegrations(database.db)))
await database.close()
process.exit(0)
