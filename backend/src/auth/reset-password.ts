import type { ResetPasswordBody } from '@churnlens/contracts'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { sha256 } from '../crypto/random-token'
import type { Database } from '../db/database'
import { passwordResetTokens, users } from '../db/schema'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import { hashPassword } from './hash-password'
import { deleteUserSessions } from './sessions'

/** Spends the link (one statement, so it works once even if clicked twice), sets the password, ends every session. */
export async function resetPassword(
  db: Database,
  input: ResetPasswordBody,
  now: Date,
): Promise<Result<void, 'reset_link_invalid'>> {
  const passwordHash = await hashPassword(input.newPassword)
  const [spent] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResetTokens.id, sha256(input.token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResetTokens.userId })
  if (!spent) return err('reset_link_invalid')
  await db.update(users).set({ passwordHash }).where(eq(users.id, spent.userId))
  // Any other link still in a mailbox dies with the old password.
  await db
    .delete(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, spent.userId), isNull(passwordResetTokens.usedAt)))
  await deleteUserSessions(db, spent.userId)
  return ok(undefined)
}
