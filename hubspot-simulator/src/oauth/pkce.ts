import { createHash, timingSafeEqual } from 'node:crypto'

/** RFC 7636 S256, the only method HubSpot advertises. */
export function verifyS256(codeVerifier: string | undefined, codeChallenge: string): boolean {
  if (!codeVerifier) return false
  const expected = Buffer.from(createHash('sha256').update(codeVerifier).digest('base64url'))
  const given = Buffer.from(codeChallenge)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
