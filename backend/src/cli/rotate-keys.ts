import { pino } from 'pino'
import { createTokenCipher } from '../crypto/token-cipher'
import { rotateSealedSecrets } from '../crypto/rotate-sealed-secrets'
import { systemClock } from '../lib/clock'
import { openCliContext } from './open-cli-context'

// `npm run keys:rotate`: re-seal every token under the newest key of TOKEN_ENCRYPTION_KEYS.
const { database, keyRing } = await openCliContext()
const cipher = createTokenCipher(keyRing)
console.log(
  `Re-sealing every token with key "${cipher.currentKeyId}" (keys in the ring: ${[...keyRing.byId.keys()].join(', ')})`,
)
const report = await rotateSealedSecrets({
  db: database.db,
  cipher,
  clock: systemClock,
  logger: pino({ level: 'warn' }),
})
console.log(`integrations scanned: ${report.integrationsScanned}`)
console.log(`values re-sealed:     ${report.valuesResealed}`)
console.log(`pending OAuth states: ${report.statesResealed}`)
console.log(`installs from HubSpot waiting to be claimed: ${report.pendingInstallsResealed}`)
console.log(`Slack alert URLs:     ${report.slackUrlsResealed}`)
console.log(`unreadable (needs reconnect): ${report.unreadable}`)
if (report.unreadable === 0)
  console.log('Done. Once every instance runs with the new ring, older keys can be removed from it.')
await database.close()
process.exit(report.unreadable > 0 ? 2 : 0)
