import { and, eq, isNull, lt } from 'drizzle-orm'
import type { AppDeps } from '../../../app-deps'
import { pendingInstalls } from '../../../db/schema'
import { revokeRefreshToken } from '../oauth/revoke-token'
import { pendingInstallContext } from './pending-install-secrets'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>

const DAY = 24 * 60 * 60 * 1000

export interface ExpiredInstalls {
  revoked: number
  /** HubSpot could not be reached: kept (tokens and all) for the next sweep. */
  retried: number
  deleted: number
}

/**
 * An install nobody claimed within its hour gives its grant back to HubSpot (only its own refresh
 * token: other workspaces on the same portal keep theirs) and its sealed tokens are wiped. The row
 * stays a day longer so the installer is told "expired" rather than "unknown", then goes.
 */
export async function expirePendingInstalls(deps: Deps): Promise<ExpiredInstalls> {
  const now = deps.clock.now()
  const outcome: ExpiredInstalls = { revoked: 0, retried: 0, deleted: 0 }
  const due = await deps.db
    .select()
    .from(pendingInstalls)
    .where(
      and(lt(pendingInstalls.expiresAt, now), isNull(pendingInstalls.claimedAt), isNull(pendingInstalls.revokedAt)),
    )
  for (const row of due) {
    const opened = row.refreshToken
      ? deps.cipher.open(row.refreshToken, pendingInstallContext(row.id, 'refresh_token'))
      : null
    if (opened?.ok) {
      const revoked = await revokeRefreshToken(deps, deps.hubspot, opened.value)
      if (!revoked.ok) {
        deps.logger.warn(
          { pendingInstallId: row.id, reason: revoked.error },
          'unclaimed install not revoked; retrying later',
        )
        outcome.retried++
        continue
      }
    }
    await deps.db
      .update(pendingInstalls)
      .set({ revokedAt: now, accessToken: null, refreshToken: null })
      .where(eq(pendingInstalls.id, row.id))
    deps.logger.info({ pendingInstallId: row.id, hubId: row.hubId }, 'unclaimed hubspot install expired and revoked')
    outcome.revoked++
  }
  const gone = await deps.db
    .delete(pendingInstalls)
    .where(and(lt(pendingInstalls.expiresAt, new Date(now.getTime() - DAY)), isNull(pendingInstalls.refreshToken)))
    .returning({ id: pendingInstalls.id })
  outcome.deleted = gone.length
  return outcome
}
