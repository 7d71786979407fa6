import type { Me } from '@churnlens/contracts'
import { rolePermissions } from '@churnlens/contracts'
import { asc, eq } from 'drizzle-orm'
import type { Queryable } from '../db/database'
import { users, workspaceMembers, workspaces } from '../db/schema'

/** Who is signed in, the workspace the session works in with their role there, and every other workspace of theirs. */
export async function loadMe(db: Queryable, userId: string, workspaceId: string): Promise<Me> {
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId))
  if (!user) throw new Error(`user ${userId} not found`)
  const memberships = await db
    .select({ id: workspaces.id, name: workspaces.name, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaceMembers.createdAt), asc(workspaces.name))
  const current = memberships.find((m) => m.id === workspaceId)
  if (!current) throw new Error(`user ${userId} is not a member of workspace ${workspaceId}`)
  return { user, workspace: current, permissions: [...rolePermissions[current.role]], workspaces: memberships }
}
