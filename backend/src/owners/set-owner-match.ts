import type { SetOwnerMatchBody } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import type { SessionInfo } from '../app-deps'
import type { Database } from '../db/database'
import { memberOwnerLinks } from '../db/schema'

/** Saves the email the member is matched to an owner by; null (or their own email) removes the choice. */
export async function setOwnerMatch(
  db: Database,
  session: SessionInfo,
  body: SetOwnerMatchBody,
  now: Date,
): Promise<void> {
  const email = body.email?.trim().toLowerCase() ?? null
  const mine = and(eq(memberOwnerLinks.workspaceId, session.workspaceId), eq(memberOwnerLinks.userId, session.userId))
  if (email === null || email === session.email.trim().toLowerCase()) {
    await db.delete(memberOwnerLinks).where(mine)
    return
  }
  await db
    .insert(memberOwnerLinks)
    .values({ workspaceId: session.workspaceId, userId: session.userId, email, updatedAt: now })
    .onConflictDoUpdate({
      target: [memberOwnerLinks.workspaceId, memberOwnerLinks.userId],
      set: { email, updatedAt: now },
    })
}
