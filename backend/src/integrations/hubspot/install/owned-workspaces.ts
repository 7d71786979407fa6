import { rolePermissions, workspaceRoles } from '@churnlens/contracts'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Queryable } from '../../../db/database'
import { workspaceMembers, workspaces } from '../../../db/schema'

/** The roles that may connect HubSpot, read from the one permission table. */
const connectingRoles = workspaceRoles.filter((role) => rolePermissions[role].includes('integration:manage'))

/** Where a person may connect a portal: the workspaces where their role manages the integration. */
export async function ownedWorkspaces(
  db: Queryable,
  userId: string,
  onlyWorkspaceId?: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(
      and(
        eq(workspaceMembers.userId, userId),
        inArray(workspaceMembers.role, connectingRoles),
        onlyWorkspaceId === undefined ? undefined : eq(workspaceMembers.workspaceId, onlyWorkspaceId),
      ),
    )
    .orderBy(asc(workspaces.createdAt), asc(workspaces.name))
}
