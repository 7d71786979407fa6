import { and, eq, gt } from 'drizzle-orm'
import type { SessionInfo } from '../app-deps'
import { randomToken, sha256 } from '../crypto/random-token'
import type { Database } from '../db/database'
import { sessions, users, workspaces } from '../db/schema'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

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
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
  return row ?? null
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}
