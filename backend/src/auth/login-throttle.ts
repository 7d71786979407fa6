import { eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { rateLimitCounters } from '../db/schema'
import type { RateLimitRule } from './consume-rate-limit'

const FIFTEEN_MINUTES = 15 * 60 * 1000

/**
 * Sign-in throttling in three layers, so a guesser is slowed without anyone else being shut out:
 * - per address (checked first, so an address already refused spends nobody's allowance);
 * - per email *and* address: a guesser's own address runs out, the owner's does not;
 * - per email across all addresses, failures only: past a ceiling each wrong password is answered
 *   after an exponentially growing pause, so a guesser spread over many addresses is slowed, while
 *   the owner's right password is answered at once. Nothing ever refuses the owner's own address.
 */
export const loginPerAddress: RateLimitRule = { limit: 50, windowMs: FIFTEEN_MINUTES }
export const loginPerEmailAndAddress: RateLimitRule = { limit: 10, windowMs: FIFTEEN_MINUTES }
export const loginFailuresPerEmail: RateLimitRule = { limit: 20, windowMs: 60 * 60 * 1000 }

const FIRST_PAUSE_MS = 250
const LONGEST_PAUSE_MS = 10_000

/** The pause before answering a wrong password, given this email's failures in the window (this one included). */
export function failurePauseMs(failures: number): number {
  const over = failures - loginFailuresPerEmail.limit
  if (over <= 0) return 0
  return Math.min(FIRST_PAUSE_MS * 2 ** Math.min(over - 1, 16), LONGEST_PAUSE_MS)
}

export const loginKeys = {
  address: (address: string) => `login:ip:${address}`,
  emailAndAddress: (email: string, address: string) => `login:email-ip:${email}:${address}`,
  emailFailures: (email: string) => `login:email:${email}`,
}

/** A successful sign-in starts the owner's own address afresh. */
export async function forgetAttempts(db: Database, key: string): Promise<void> {
  await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key))
}
