import { z } from 'zod'

export interface EncryptionKey {
  id: string
  key: Buffer
}

/** Newest key first: it seals new values; the others only open old ones until rotation re-seals them. */
export interface KeyRing {
  current: EncryptionKey
  byId: ReadonlyMap<string, EncryptionKey>
}

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/

/**
 * Parses `TOKEN_ENCRYPTION_KEYS`: comma-separated `keyId:base64key` entries, newest first,
 * each key exactly 32 bytes. Returns human-readable problems instead of throwing, so boot can
 * name every bad setting at once.
 */
export function parseKeyRing(value: string): { ok: true; ring: KeyRing } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const keys: EncryptionKey[] = []
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) problems.push('needs at least one keyId:base64key entry')
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(':')
    const id = separator > 0 ? entry.slice(0, separator) : ''
    const material = separator > 0 ? entry.slice(separator + 1) : ''
    if (!keyIdPattern.test(id)) {
      problems.push(`entry ${index + 1}: key id must be 1-32 characters of A-Z a-z 0-9 _ -`)
      continue
    }
    const key = Buffer.from(material, 'base64')
    if (key.length !== 32 || !z.base64().safeParse(material).success) {
      problems.push(`key "${id}": must be 32 bytes encoded as base64 (got ${key.length} bytes)`)
      continue
    }
    if (keys.some((k) => k.id === id)) {
      problems.push(`key "${id}": listed twice`)
      continue
    }
    keys.push({ id, key })
  }
  const current = keys[0]
  if (problems.length > 0 || !current) return { ok: false, problems }
  return { ok: true, ring: { current, byId: new Map(keys.map((k) => [k.id, k])) } }
}

export function formatKeyRing(keys: readonly EncryptionKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',')
}
