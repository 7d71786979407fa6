import type { Member, WorkspaceRole } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import { users, workspaceMembers } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { lockMembers } from './lock-members'

/** Only an owner makes or unmakes an owner; the last owner cannot step down. Applies from the person's next request. */
export async function changeMemberRole(
  deps: Pick<AppDeps, 'db'>,
  session: SessionInfo,
  userId: string,
  role: WorkspaceRole,
): Promise<Result<Member, 'forbidden' | 'not_found' | 'last_owner'>> {
  return deps.db.transaction(async (tx) => {
    const members = await lockMembers(tx, session.workspaceId)
    const target = members.find((m) => m.userId === userId)
    if (!target) return err('not_found' as const)
    if ((target.role === 'owner' || role === 'owner') && session.role !== 'owner') return err('forbidden' as const)
    if (target.role === 'owner' && role !== 'owner' && members.filter((m) => m.role === 'owner').length === 1)
      return err('last_owner' as const)
    const [updated] = await tx
      .update(workspaceMembers)
      .set({ role })
      .where(and(eq(workspaceMembers.workspaceId, session.workspaceId), eq(workspaceMembers.userId, userId)))
      .returning({ joinedAt: workspaceMembers.createdAt })
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId))
    if (!updated || !user) throw new Error(`member ${userId} vanished while locked`)
    if (target.role !== role)
      await recordWorkspaceEvent(tx, {
        workspaceId: session.workspaceId,
        type: 'members.role_changed',
        actorUserId: session.userId,
        detail: { userId, email: user.email, from: target.role, to: role },
      })
    return ok({ userId, email: user.email, role, joinedAt: updated.joinedAt.toISOString() })
  })
}
