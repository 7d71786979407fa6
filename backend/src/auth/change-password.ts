import type { ChangePasswordBody } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { users } from '../db/schema'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import { hashPassword, verifyPassword } from './hash-password'
import { deleteUserSessions } from './sessions'

/** Checks the current password, stores the new one and ends every session of the user (the caller starts a fresh one). */
export async function changePassword(
  db: Database,
  userId: string,
  input: ChangePasswordBody,
): Promise<Result<void, 'wrong_password'>> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId))
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) return err('wrong_password')
  const passwordHash = await hashPassword(input.newPassword)
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId))
  await deleteUserSessions(db, userId)
  return ok(undefined)
}
