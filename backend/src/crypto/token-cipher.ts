import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import type { KeyRing } from './key-ring'

/**
 * What a sealed value is bound to. The additional authenticated data makes a ciphertext copied
 * to another row or column fail to open, so a database-level swap cannot hand one workspace
 * another's token.
 */
export interface SealContext {
  table: string
  rowId: string
  column: string
}

export type OpenError = 'malformed' | 'unknown_key' | 'tampered'

const FORMAT = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

function aad(context: SealContext): Buffer {
  return Buffer.from(`churnlens:${context.table}:${context.rowId}:${context.column}`, 'utf8')
}

export interface TokenCipher {
  seal(plaintext: string, context: SealContext): string
  open(sealed: string, context: SealContext): Result<string, OpenError>
  /** The key id a sealed value was made with, without opening it (rotation uses this). */
  keyIdOf(sealed: string): string | null
  currentKeyId: string
}

/** AES-256-GCM, random 96-bit IV per value, `v1.<keyId>.<iv>.<ciphertext>.<tag>` in base64url. */
export function createTokenCipher(ring: KeyRing): TokenCipher {
  return {
    currentKeyId: ring.current.id,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(aad(context))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [
        FORMAT,
        ring.current.id,
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.')
    },
    open(sealed, context) {
      const parts = sealed.split('.')
      if (parts.length !== 5 || parts[0] !== FORMAT) return err('malformed')
      const [, keyId = '', ivText = '', bodyText = '', tagText = ''] = parts
      const key = ring.byId.get(keyId)
      if (!key) return err('unknown_key')
      const iv = Buffer.from(ivText, 'base64url')
      const tag = Buffer.from(tagText, 'base64url')
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return err('malformed')
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES })
        decipher.setAAD(aad(context))
        decipher.setAuthTag(tag)
        const plain = Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()])
        return ok(plain.toString('utf8'))
      } catch {
        // GCM's tag check failed: wrong row, wrong column or altered bytes. Fail closed.
        return err('tampered')
      }
    },
    keyIdOf(sealed) {
      const parts = sealed.split('.')
      return parts.length === 5 && parts[0] === FORMAT ? (parts[1] ?? null) : null
    },
  }
}
