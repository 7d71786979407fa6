import { and, eq } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../app-deps'
import { sessions, workspaceMembers } from '../db/schema'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'

/** Moves this session (only this browser) to another workspace the person belongs to. */
export async function switchWorkspace(
  deps: Pick<AppDeps, 'db'>,
  session: SessionInfo,
  workspaceId: string,
): Promise<Result<void, 'not_found'>> {
  const [membership] = await deps.db
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, session.userId)))
  // Someone else's workspace is answered as if it did not exist.
  if (!membership) return err('not_found')
  await deps.db.update(sessions).set({ workspaceId }).where(eq(sessions.id, session.id))
  return ok(undefined)
}
