import { eq } from 'drizzle-orm'
import { sha256 } from '../../crypto/random-token'
import type { Queryable } from '../../db/database'
import { workspaceInvitations, workspaces } from '../../db/schema'
import type { WorkspaceInvitationRow } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'

export type InvitationLinkError = 'invitation_invalid' | 'invitation_expired' | 'invitation_already_used'

/** The invitation a link's token names, if it can still be accepted; each way it cannot has its own code. */
export async function findInvitation(
  db: Queryable,
  token: string,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<Result<{ invitation: WorkspaceInvitationRow; workspaceName: string }, InvitationLinkError>> {
  const query = db
    .select({ invitation: workspaceInvitations, workspaceName: workspaces.name })
    .from(workspaceInvitations)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvitations.workspaceId))
    .where(eq(workspaceInvitations.tokenHash, sha256(token)))
  const [found] = options.lock ? await query.for('update', { of: workspaceInvitations }) : await query
  if (!found || found.invitation.revokedAt) return err('invitation_invalid')
  if (found.invitation.acceptedAt) return err('invitation_already_used')
  if (found.invitation.expiresAt <= now) return err('invitation_expired')
  return ok(found)
}
