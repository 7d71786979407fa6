import type { InviteBody, Invitation } from '@churnlens/contracts'
import { and, eq, isNull } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import { randomToken, sha256 } from '../../crypto/random-token'
import { users, workspaceInvitations, workspaceMembers } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { INVITATION_TTL_MS, invitationMail } from './invitation-link'
import { toInvitationView } from './load-team'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'mailer'>

/**
 * Records the invitation (only the token's hash), replacing any earlier pending one for the same
 * address, and mails the link. Only an owner may hand out the owner role.
 */
export async function inviteMember(
  deps: Deps,
  session: SessionInfo,
  body: InviteBody,
): Promise<Result<Invitation, 'forbidden' | 'already_member'>> {
  if (body.role === 'owner' && session.role !== 'owner') return err('forbidden')
  const now = deps.clock.now()
  const [existing] = await deps.db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(workspaceMembers, eq(workspaceMembers.userId, users.id))
    .where(and(eq(users.email, body.email), eq(workspaceMembers.workspaceId, session.workspaceId)))
  if (existing) return err('already_member')
  const token = randomToken()
  const row = await deps.db.transaction(async (tx) => {
    await tx
      .update(workspaceInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(workspaceInvitations.workspaceId, session.workspaceId),
          eq(workspaceInvitations.email, body.email),
          isNull(workspaceInvitations.acceptedAt),
          isNull(workspaceInvitations.revokedAt),
        ),
      )
    const [inserted] = await tx
      .insert(workspaceInvitations)
      .values({
        workspaceId: session.workspaceId,
        email: body.email,
        role: body.role,
        tokenHash: sha256(token),
        invitedByUserId: session.userId,
        sentAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning()
    if (!inserted) throw new Error('invitation insert returned no row')
    await recordWorkspaceEvent(tx, {
      workspaceId: session.workspaceId,
      type: 'members.invited',
      actorUserId: session.userId,
      detail: { invitationId: inserted.id, email: body.email, role: body.role },
    })
    return inserted
  })
  await deps.mailer.send(
    invitationMail(deps.config, {
      to: body.email,
      token,
      workspaceName: session.workspaceName,
      role: body.role,
      inviterEmail: session.email,
    }),
  )
  return ok(toInvitationView(row, session.email))
}
