import type { Invitation } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import { randomToken, sha256 } from '../../crypto/random-token'
import { workspaceInvitations } from '../../db/schema'
import { pendingInvitation } from './pending-invitation'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { INVITATION_TTL_MS, invitationMail } from './invitation-link'
import { toInvitationView } from './load-team'

/**
 * A new token and seven fresh days (an expired invitation may be resent too); the previous link
 * stops working, so a mail that went astray cannot be used alongside the new one.
 */
export async function resendInvitation(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'mailer'>,
  session: SessionInfo,
  invitationId: string,
): Promise<Result<Invitation, 'forbidden' | 'not_found'>> {
  const now = deps.clock.now()
  const token = randomToken()
  const [pending] = await deps.db
    .select({ role: workspaceInvitations.role })
    .from(workspaceInvitations)
    .where(and(eq(workspaceInvitations.id, invitationId), eq(workspaceInvitations.workspaceId, session.workspaceId)))
  if (pending?.role === 'owner' && session.role !== 'owner') return err('forbidden')
  const [row] = await deps.db
    .update(workspaceInvitations)
    .set({ tokenHash: sha256(token), sentAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
    .where(pendingInvitation(invitationId, session.workspaceId))
    .returning()
  if (!row) return err('not_found')
  await recordWorkspaceEvent(deps.db, {
    workspaceId: session.workspaceId,
    type: 'members.invitation_resent',
    actorUserId: session.userId,
    detail: { invitationId: row.id, email: row.email },
  })
  await deps.mailer.send(
    invitationMail(deps.config, {
      to: row.email,
      token,
      workspaceName: session.workspaceName,
      role: row.role,
      inviterEmail: session.email,
    }),
  )
  return ok(toInvitationView(row, session.email))
}
