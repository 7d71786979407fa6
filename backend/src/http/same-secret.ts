import { createHash, timingSafeEqual } from 'node:crypto'

/** Compares a presented secret with the expected one in constant time, whatever their lengths (both are hashed first). */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(presented), digest(expected))
}
