import type { LoginBody } from '@churnlens/contracts'
import { asc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { users, workspaceMembers, workspaces } from '../db/schema'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import { decoyPasswordHash, verifyPassword } from './hash-password'
import type { NewAccount } from './sign-up'

export async function logIn(db: Database, input: LoginBody): Promise<Result<NewAccount, 'invalid_credentials'>> {
  const [user] = await db.select().from(users).where(eq(users.email, input.email))
  if (!user) {
    // Same work as a real check, so response time does not reveal which emails have accounts.
    await verifyPassword(input.password, await decoyPasswordHash)
    return err('invalid_credentials')
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return err('invalid_credentials')
  const [membership] = await db
    .select({ workspaceId: workspaces.id, workspaceName: workspaces.name })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, user.id))
    .orderBy(asc(workspaceMembers.createdAt))
    .limit(1)
  if (!membership) throw new Error(`user ${user.id} has no workspace`)
  return ok({ userId: user.id, email: user.email, ...membership })
}
