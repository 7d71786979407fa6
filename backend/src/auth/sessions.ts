import { and, eq, gt, lt } from 'drizzle-orm'
import type { SessionInfo } from '../app-deps'
import { randomToken, sha256 } from '../crypto/random-token'
import type { Database, Queryable } from '../db/database'
import { sessions, users, workspaceMembers, workspaces } from '../db/schema'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
/** A session nobody used for this long ends, well before its 30 days (a forgotten laptop, a copied cookie). */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000
// Marking every request as seen would write on every read; a few minutes of slack is invisible next to a week.
const SEEN_RESOLUTION_MS = 5 * 60 * 1000

/** Returns the cookie's secret token; only its hash is stored. */
export async function createSession(
  db: Database,
  input: { userId: string; workspaceId: string; now: Date },
): Promise<string> {
  const token = randomToken()
  await db.insert(sessions).values({
    id: sha256(token),
    userId: input.userId,
    workspaceId: input.workspaceId,
    expiresAt: new Date(input.now.getTime() + SESSION_TTL_MS),
    lastSeenAt: input.now,
  })
  return token
}

export async function resolveSession(db: Database, token: string, now: Date): Promise<SessionInfo | null> {
  const id = sha256(token)
  const [row] = await db
    .select({
      id: sessions.id,
      userId: users.id,
      email: users.email,
      workspaceId: workspaces.id,
      workspaceName: workspaces.name,
      role: workspaceMembers.role,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
    // A person no longer a member of the session's workspace has no session there, even for a moment.
    .innerJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, sessions.workspaceId), eq(workspaceMembers.userId, sessions.userId)),
    )
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
      ),
    )
  if (!row) return null
  const { lastSeenAt, ...session } = row
  if (now.getTime() - lastSeenAt.getTime() >= SEEN_RESOLUTION_MS)
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, now)))
  return session
}

/** Ends every session of a user, on every device ("sign out everywhere", a changed password). */
export async function deleteUserSessions(db: Database, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
  return ended.length
}

/** Ends the sessions a person has in one workspace (they were removed from it). */
export async function deleteWorkspaceSessions(db: Queryable, userId: string, workspaceId: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.workspaceId, workspaceId)))
    .returning({ id: sessions.id })
  return ended.length
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}
