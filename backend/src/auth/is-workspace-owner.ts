import { and, eq } from 'drizzle-orm'
import type { SessionInfo } from '../app-deps'
import type { Queryable } from '../db/database'
import { workspaceMembers } from '../db/schema'

/** The signed-in person owns the session's workspace: only owners change how it is scored. */
export async function isWorkspaceOwner(
  db: Queryable,
  session: Pick<SessionInfo, 'userId' | 'workspaceId'>,
): Promise<boolean> {
  const [member] = await db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, session.workspaceId), eq(workspaceMembers.userId, session.userId)))
  return member?.role === 'owner'
}
