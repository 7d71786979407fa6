import { fileURLToPath } from 'node:url'
import type { Config } from '../config'
import { parseConfigOrExit } from '../config'
import { loadDevSecrets } from '../crypto/load-dev-secrets'
import type { KeyRing } from '../crypto/key-ring'
import { openDatabase } from '../db/open-database'
import type { DatabaseHandle } from '../db/database'

const defaultDataDir = fileURLToPath(new URL('../../../.data', import.meta.url))

/**
 * Entry points (the server, these commands) are the only code that reads process.env. With
 * PGlite, run commands while the server is stopped: one data folder, one process.
 */
export async function openCliContext(): Promise<{ config: Config; database: DatabaseHandle; keyRing: KeyRing }> {
  const config = parseConfigOrExit(process.env, { dataDir: defaultDataDir })
  if (config.database.kind === 'pglite')
    console.warn(`Using the embedded database in ${config.database.dataDir}: make sure npm start is not running on it.`)
  // Outside development and test parseConfig already insisted on real keys.
  const keyRing =
    config.keyRing ??
    (config.allowDevSecrets
      ? loadDevSecrets(config.database.kind === 'pglite' ? config.database.dataDir : defaultDataDir).keyRing
      : null)
  if (!keyRing) throw new Error('TOKEN_ENCRYPTION_KEYS is required outside development')
  const database = await openDatabase(
    config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dataDir: config.database.dataDir },
  )
  return { config, database, keyRing }
}
