import { and, eq } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import { deleteWorkspaceSessions } from '../../auth/sessions'
import { users, workspaceMembers } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { lockMembers } from './lock-members'

/**
 * Removes a person from the workspace and ends their sessions in it in the same transaction (a
 * session resolves only with a membership, so none of their requests gets through after this).
 * Their account stays: they may belong to other workspaces. Anyone may remove themselves (leave),
 * except the last owner.
 */
export async function removeMember(
  deps: Pick<AppDeps, 'db'>,
  session: SessionInfo,
  userId: string,
): Promise<Result<{ endedSessions: number }, 'forbidden' | 'not_found' | 'last_owner'>> {
  return deps.db.transaction(async (tx) => {
    const members = await lockMembers(tx, session.workspaceId)
    const target = members.find((m) => m.userId === userId)
    if (!target) return err('not_found' as const)
    if (target.role === 'owner' && session.role !== 'owner') return err('forbidden' as const)
    if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1)
      return err('last_owner' as const)
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId))
    await tx
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, session.workspaceId), eq(workspaceMembers.userId, userId)))
    const endedSessions = await deleteWorkspaceSessions(tx, userId, session.workspaceId)
    await recordWorkspaceEvent(tx, {
      workspaceId: session.workspaceId,
      type: 'members.removed',
      actorUserId: session.userId,
      detail: { userId, email: user?.email ?? null, role: target.role },
    })
    return ok({ endedSessions })
  })
}
