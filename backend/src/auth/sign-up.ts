import type { SignupBody } from '@churnlens/contracts'
import type { Database } from '../db/database'
import { users, workspaceMembers, workspaces } from '../db/schema'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import { hashPassword } from './hash-password'

export interface NewAccount {
  userId: string
  email: string
  workspaceId: string
  workspaceName: string
}

/** Creates the user and the workspace they own, in one transaction. */
export async function signUp(db: Database, input: SignupBody): Promise<Result<NewAccount, 'email_taken'>> {
  const passwordHash = await hashPassword(input.password)
  const workspaceName = `${input.email.split('@')[1] ?? input.email}`
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id })
    if (!user) return err('email_taken' as const)
    const [workspace] = await tx.insert(workspaces).values({ name: workspaceName }).returning({ id: workspaces.id })
    if (!workspace) throw new Error('workspace insert returned no row')
    await tx.insert(workspaceMembers).values({ workspaceId: workspace.id, userId: user.id, role: 'owner' })
    return ok({ userId: user.id, email: input.email, workspaceId: workspace.id, workspaceName })
  })
}
