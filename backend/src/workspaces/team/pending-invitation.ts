import { and, eq, isNull } from 'drizzle-orm'
import { workspaceInvitations } from '../../db/schema'

/** The workspace's invitation by id, while it is neither accepted nor revoked. */
export const pendingInvitation = (invitationId: string, workspaceId: string) =>
  and(
    eq(workspaceInvitations.id, invitationId),
    eq(workspaceInvitations.workspaceId, workspaceId),
    isNull(workspaceInvitations.acceptedAt),
    isNull(workspaceInvitations.revokedAt),
  )
