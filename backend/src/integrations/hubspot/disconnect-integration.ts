import { eq, sql } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordIntegrationEvent } from '../../audit/record-integration-event'
import { integrations } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { findHubspotIntegration } from './find-integration'
import { secretContext } from './integration-secrets'
import { revokeRefreshToken } from './oauth/revoke-token'
import type { IntegrationRow } from './integration-row'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>
type RevokeOutcome = 'revoked' | 'already_dead' | 'not_applicable' | 'unreadable'

/**
 * Revokes the refresh token at HubSpot, then wipes every sealed value and records who did it.
 * If HubSpot cannot be reached we change nothing and say so: wiping first would leave a live
 * grant at HubSpot that we could never revoke again.
 */
export async function disconnectIntegration(
  deps: Deps,
  session: SessionInfo,
): Promise<Result<IntegrationRow, 'not_connected' | 'hubspot_unavailable'>> {
  const current = await findHubspotIntegration(deps.db, session.workspaceId)
  if (!current || current.status === 'disconnected') return err('not_connected')

  let outcome: RevokeOutcome = 'not_applicable'
  if (current.authType === 'oauth' && current.refreshToken) {
    const opened = deps.cipher.open(current.refreshToken, secretContext(current.id, 'refresh_token'))
    if (!opened.ok) {
      outcome = 'unreadable'
    } else {
      const revoked = await revokeRefreshToken(deps, deps.hubspot, opened.value)
      if (!revoked.ok) {
        deps.logger.warn(
          { integrationId: current.id, reason: revoked.error },
          'hubspot revoke failed; integration left connected',
        )
        return err('hubspot_unavailable')
      }
      outcome = revoked.value
    }
  }

  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(integrations)
      .set({
        status: 'disconnected',
        accessToken: null,
        refreshToken: null,
        apiKey: null,
        tokenExpiresAt: null,
        tokenVersion: sql`${integrations.tokenVersion} + 1`,
        lastErrorCode: null,
        // Gives write-back up, so another workspace on the same portal may take it.
        writeBackReadyAt: null,
        updatedAt: now,
      })
      .where(eq(integrations.id, current.id))
      .returning()
    if (!row) throw new Error('integration vanished during disconnect')
    await recordIntegrationEvent(tx, {
      integrationId: current.id,
      workspaceId: session.workspaceId,
      type: 'disconnected',
      fromStatus: current.status,
      toStatus: 'disconnected',
      actor: `user:${session.userId}`,
      detail: { revoke: outcome, hubId: current.hubId },
    })
    deps.logger.info({ integrationId: current.id, revoke: outcome }, 'hubspot disconnected')
    return ok(row)
  })
}
