import { createHash, randomBytes } from 'node:crypto'

/** 256 bits from the CSPRNG, base64url: used for session ids, OAuth state and PKCE verifiers. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** What we store instead of a bearer secret: a leaked table row cannot be replayed as a cookie or state. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}
