import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordWorkspaceEvent } from '../../audit/record-workspace-event'
import { workspaceInvitations } from '../../db/schema'
import { pendingInvitation } from './pending-invitation'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'

/** The link stops working at once; the row stays, for the audit trail. */
export async function revokeInvitation(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  session: SessionInfo,
  invitationId: string,
): Promise<Result<void, 'not_found'>> {
  const [row] = await deps.db
    .update(workspaceInvitations)
    .set({ revokedAt: deps.clock.now() })
    .where(pendingInvitation(invitationId, session.workspaceId))
    .returning({ id: workspaceInvitations.id, email: workspaceInvitations.email })
  if (!row) return err('not_found')
  await recordWorkspaceEvent(deps.db, {
    workspaceId: session.workspaceId,
    type: 'members.invitation_revoked',
    actorUserId: session.userId,
    detail: { invitationId: row.id, email: row.email },
  })
  return ok(undefined)
}
