import { and, eq, isNull } from 'drizzle-orm'
import type { SessionInfo } from '../../app-deps'
import { sha256 } from '../../crypto/random-token'
import type { Database } from '../../db/database'
import { oauthStates } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'

export type StateError =
  'state_missing' | 'state_unknown' | 'state_expired' | 'state_already_used' | 'state_session_mismatch'
export type ConsumedState = typeof oauthStates.$inferSelect

/**
 * Burns the state in one UPDATE (so two concurrent callbacks cannot both win), then checks age
 * and ownership. Any presentation consumes it: a state shown from the wrong session is dead too.
 */
export async function consumeState(
  db: Database,
  state: string | undefined,
  session: SessionInfo,
  now: Date,
): Promise<Result<ConsumedState, StateError>> {
  if (!state) return err('state_missing')
  const stateHash = sha256(state)
  const [row] = await db
    .update(oauthStates)
    .set({ consumedAt: now })
    .where(and(eq(oauthStates.stateHash, stateHash), isNull(oauthStates.consumedAt)))
    .returning()
  if (!row) {
    const [seen] = await db
      .select({ consumedAt: oauthStates.consumedAt })
      .from(oauthStates)
      .where(eq(oauthStates.stateHash, stateHash))
    return err(seen ? 'state_already_used' : 'state_unknown')
  }
  if (row.expiresAt.getTime() <= now.getTime()) return err('state_expired')
  if (row.sessionId !== session.id || row.workspaceId !== session.workspaceId || row.userId !== session.userId)
    return err('state_session_mismatch')
  return ok(row)
}
