import { eq } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import { sessions, workspaceInvitations, workspaceMembers } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import type { InvitationLinkError } from './find-invitation'
import { findInvitation } from './find-invitation'

/**
 * Joins the invitation's workspace as the signed-in person, once, and moves this session there.
 * The email must match: a forwarded link does not let someone else in. Someone already a member
 * keeps their membership (and role); the link is used up either way.
 */
export async function acceptInvitation(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  session: SessionInfo,
  token: string,
): Promise<Result<{ workspaceId: string }, InvitationLinkError | 'invitation_email_mismatch'>> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const found = await findInvitation(tx, token, now, { lock: true })
    if (!found.ok) return found
    const { invitation } = found.value
    if (invitation.email !== session.email.toLowerCase()) return err('invitation_email_mismatch' as const)
    await tx
      .update(workspaceInvitations)
      .set({ acceptedAt: now, acceptedByUserId: session.userId })
      .where(eq(workspaceInvitations.id, invitation.id))
    const joined = await tx
      .insert(workspaceMembers)
      .values({ workspaceId: invitation.workspaceId, userId: session.userId, role: invitation.role })
      .onConflictDoNothing()
      .returning({ userId: workspaceMembers.userId })
    await tx.update(sessions).set({ workspaceId: invitation.workspaceId }).where(eq(sessions.id, session.id))
    if (joined.length > 0)
      await recordWorkspaceEvent(tx, {
        workspaceId: invitation.workspaceId,
        type: 'members.joined',
        actorUserId: session.userId,
        detail: { invitationId: invitation.id, role: invitation.role, invitedByUserId: invitation.invitedByUserId },
      })
    return ok({ workspaceId: invitation.workspaceId })
  })
}
