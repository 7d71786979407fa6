import { and, eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordIntegrationEvent } from '../../audit/record-integration-event'
import { integrations } from '../../db/schema'
import type { IntegrationRow } from './integration-row'
import { sealSecret } from './integration-secrets'
import type { TokenSet } from './oauth/token-grant'
import { writeIntegrationRow } from './write-integration-row'

export interface GrantedPortal {
  hubId: number
  hubDomain: string | null
  scopes: string[]
}

/**
 * Writes the connection: a new row, or the workspace's existing row updated in place (a
 * reconnect, or an API-key integration upgraded to OAuth, whose key is wiped). Row lock first,
 * so a concurrent refresh or disconnect sees either the old grant or the new one, never a mix.
 */
export async function saveOAuthConnection(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'clock'>,
  session: Pick<SessionInfo, 'workspaceId' | 'userId'>,
  tokens: TokenSet,
  portal: GrantedPortal,
  origin: 'churnlens' | 'hubspot_install' = 'churnlens',
): Promise<IntegrationRow> {
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(integrations)
      .where(and(eq(integrations.workspaceId, session.workspaceId), eq(integrations.provider, 'hubspot')))
      .for('update')
    const id = existing?.id ?? randomUUID()
    const row = await writeIntegrationRow(tx, {
      existing,
      id,
      workspaceId: session.workspaceId,
      now,
      values: {
        authType: 'oauth',
        hubId: portal.hubId,
        hubDomain: portal.hubDomain,
        grantedScopes: portal.scopes,
        accessToken: sealSecret(deps.cipher, id, 'access_token', tokens.accessToken),
        refreshToken: sealSecret(deps.cipher, id, 'refresh_token', tokens.refreshToken),
        apiKey: null,
        tokenExpiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
        lastRefreshedAt: now,
      },
    })
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
        ...(origin === 'hubspot_install' ? { startedFrom: 'hubspot' } : {}),
        ...(existing?.authType === 'api_key' ? { upgradedFrom: 'api_key' } : {}),
        ...(existing?.hubId && existing.hubId !== portal.hubId ? { previousHubId: existing.hubId } : {}),
      },
    })
    return row
  })
}
