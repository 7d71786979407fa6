import { and, eq, sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordIntegrationEvent } from '../../audit/record-integration-event'
import { integrations } from '../../db/schema'
import { forgetPortalData } from '../../sync/forget-portal-data'
import { sealSecret } from './integration-secrets'
import type { TokenSet } from './oauth/token-grant'

export interface GrantedPortal {
  hubId: number
  hubDomain: string | null
  scopes: string[]
}

export type IntegrationRow = typeof integrations.$inferSelect

/**
 * Writes the connection: a new row, or the workspace's existing row updated in place (a
 * reconnect, or an API-key integration upgraded to OAuth, whose key is wiped). Row lock first,
 * so a concurrent refresh or disconnect sees either the old grant or the new one, never a mix.
 */
export async function saveOAuthConnection(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'clock'>,
  session: SessionInfo,
  tokens: TokenSet,
  portal: GrantedPortal,
): Promise<IntegrationRow> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(integrations)
      .where(and(eq(integrations.workspaceId, session.workspaceId), eq(integrations.provider, 'hubspot')))
      .for('update')
    const id = existing?.id ?? randomUUID()
    const values = {
      authType: 'oauth' as const,
      status: 'connected' as const,
      hubId: portal.hubId,
      hubDomain: portal.hubDomain,
      grantedScopes: portal.scopes,
      accessToken: sealSecret(deps.cipher, id, 'access_token', tokens.accessToken),
      refreshToken: sealSecret(deps.cipher, id, 'refresh_token', tokens.refreshToken),
      apiKey: null,
      tokenExpiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
      lastRefreshedAt: now,
      lastErrorCode: null,
      connectedAt: now,
      updatedAt: now,
    }
    const [row] = existing
      ? await tx.update(integrations).set({ ...values, tokenVersion: sql`${integrations.tokenVersion} + 1` }).where(eq(integrations.id, id)).returning()
      : await tx.insert(integrations).values({ id, workspaceId: session.workspaceId, provider: 'hubspot', ...values }).returning()
    if (!row) throw new Error('integration write returned no row')
    if (existing?.hubId && existing.hubId !== portal.hubId) await forgetPortalData(tx, session.workspaceId)
    await recordIntegrationEvent(tx, {
      integrationId: id,
      workspaceId: session.workspaceId,
      type: existing ? 'reconnected' : 'connected',
      fromStatus: existing?.status ?? null,
      toStatus: 'connected',
      actor: `user:${session.userId}`,
      detail: {
        hubId: portal.hubId,
        scopes: portal.scopes,
        ...(existing?.authType === 'api_key' ? { upgradedFrom: 'api_key' } : {}),
        ...(existing?.hubId && existing.hubId !== portal.hubId ? { previousHubId: existing.hubId } : {}),
      },
    })
    return row
  })
}
