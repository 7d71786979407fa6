import type { MyOwner } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import type { SessionInfo } from '../app-deps'
import type { Database } from '../db/database'
import { hubspotOwners, memberOwnerLinks } from '../db/schema'

/**
 * Which HubSpot owner the signed-in member is: the owner whose email is the one the member chose, or
 * their account email. A live owner wins over a deactivated one with the same email.
 */
export async function findMyOwner(
  db: Database,
  session: Pick<SessionInfo, 'userId' | 'email' | 'workspaceId'>,
): Promise<{ matchEmail: string; matchedBy: MyOwner['matchedBy']; ownerId: string | null }> {
  const [link] = await db
    .select({ email: memberOwnerLinks.email })
    .from(memberOwnerLinks)
    .where(and(eq(memberOwnerLinks.workspaceId, session.workspaceId), eq(memberOwnerLinks.userId, session.userId)))
  const matchEmail = (link?.email ?? session.email).trim().toLowerCase()
  const candidates = await db
    .select({ ownerId: hubspotOwners.ownerId, archived: hubspotOwners.archived })
    .from(hubspotOwners)
    .where(and(eq(hubspotOwners.workspaceId, session.workspaceId), eq(hubspotOwners.email, matchEmail)))
    .orderBy(hubspotOwners.archived, hubspotOwners.ownerId)
  return { matchEmail, matchedBy: link ? 'chosen_email' : 'account_email', ownerId: candidates[0]?.ownerId ?? null }
}
