import { eq, inArray, notExists, and, sql } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../app-deps'
import { users, workspaceMembers, workspaces } from '../db/schema'
import { disconnectIntegration } from '../integrations/hubspot/disconnect-integration'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>

/**
 * Revokes the HubSpot grant first (if HubSpot cannot be reached nothing is deleted: a grant we can
 * no longer revoke would outlive its workspace), then deletes the workspace: every workspace table
 * cascades from it. Members left with no workspace lose their account too (a user without one
 * could not sign in to anything).
 */
export async function deleteWorkspace(
  deps: Deps,
  session: SessionInfo,
  confirmName: string,
): Promise<Result<{ deletedUsers: number }, 'workspace_name_mismatch' | 'hubspot_unavailable'>> {
  if (confirmName !== session.workspaceName) return err('workspace_name_mismatch')
  const disconnected = await disconnectIntegration(deps, session)
  if (!disconnected.ok && disconnected.error === 'hubspot_unavailable') return err('hubspot_unavailable')

  return deps.db.transaction(async (tx) => {
    const members = await tx
      .select({ userId: workspaceMembers.userId })
      .from(workspaceMembers)
      .where(eq(workspaceMembers.workspaceId, session.workspaceId))
    await tx.delete(workspaces).where(eq(workspaces.id, session.workspaceId))
    const ids = members.map((m) => m.userId)
    const orphans =
      ids.length === 0
        ? []
        : await tx
            .delete(users)
            .where(
              and(
                inArray(users.id, ids),
                notExists(
                  tx
                    .select({ one: sql`1` })
                    .from(workspaceMembers)
                    .where(eq(workspaceMembers.userId, users.id)),
                ),
              ),
            )
            .returning({ id: users.id })
    deps.logger.info(
      { workspaceId: session.workspaceId, by: session.userId, deletedUsers: orphans.length },
      'workspace deleted with all of its data',
    )
    return ok({ deletedUsers: orphans.length })
  })
}
