import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { KeyRing } from './key-ring'
import { formatKeyRing, parseKeyRing } from './key-ring'

const devSecretsFile = z.object({ tokenEncryptionKeys: z.string(), sessionSecret: z.string().min(32) })

/**
 * Development only: a key ring and session secret generated on first run and kept in the data
 * folder (mode 0600), so `npm start` needs no configuration and a restart can still open the
 * tokens it sealed. Production refuses to boot without real secrets (config.ts).
 */
export function loadDevSecrets(dataDir: string): { keyRing: KeyRing; sessionSecret: string; created: boolean } {
  const path = join(dataDir, 'dev-secrets.json')
  let created = false
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true })
    const secrets = {
      tokenEncryptionKeys: formatKeyRing([{ id: `dev${Date.now().toString(36)}`, key: randomBytes(32) }]),
      sessionSecret: randomBytes(32).toString('base64url'),
    }
    writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 })
    created = true
  }
  const secrets = devSecretsFile.parse(JSON.parse(readFileSync(path, 'utf8')))
  const ring = parseKeyRing(secrets.tokenEncryptionKeys)
  if (!ring.ok) throw new Error(`${path} holds an invalid key ring: ${ring.problems.join('; ')}`)
  return { keyRing: ring.ring, sessionSecret: secrets.sessionSecret, created }
}
