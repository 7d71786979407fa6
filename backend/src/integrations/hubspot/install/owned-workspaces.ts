import { and, asc, eq } from 'drizzle-orm'
import type { Queryable } from '../../../db/database'
import { workspaceMembers, workspaces } from '../../../db/schema'

/** Where a person may connect a portal: the workspaces they own. */
export async function ownedWorkspaces(db: Queryable, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(and(eq(workspaceMembers.userId, userId), eq(workspaceMembers.role, 'owner')))
    .orderBy(asc(workspaces.createdAt), asc(workspaces.name))
}
