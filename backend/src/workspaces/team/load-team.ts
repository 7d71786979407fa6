import type { Team } from '@churnlens/contracts'
import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Queryable } from '../../db/database'
import { users, workspaceInvitations, workspaceMembers } from '../../db/schema'
import type { WorkspaceInvitationRow } from '../../db/schema'

const inviters = alias(users, 'inviters')

export const toInvitationView = (row: WorkspaceInvitationRow, invitedBy: string | null) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  sentAt: row.sentAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  invitedBy,
})

/** The workspace's members, oldest first, and the invitations still waiting for an answer. */
export async function loadTeam(db: Queryable, workspaceId: string, now: Date): Promise<Team> {
  const members = await db
    .select({
      userId: users.id,
      email: users.email,
      role: workspaceMembers.role,
      joinedAt: workspaceMembers.createdAt,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(workspaceMembers.createdAt), asc(users.email))
  const invitations = await db
    .select({ invitation: workspaceInvitations, invitedBy: inviters.email })
    .from(workspaceInvitations)
    .leftJoin(inviters, eq(inviters.id, workspaceInvitations.invitedByUserId))
    .where(
      and(
        eq(workspaceInvitations.workspaceId, workspaceId),
        isNull(workspaceInvitations.acceptedAt),
        isNull(workspaceInvitations.revokedAt),
        gt(workspaceInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(workspaceInvitations.sentAt))
  return {
    members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    invitations: invitations.map((i) => toInvitationView(i.invitation, i.invitedBy)),
  }
}
