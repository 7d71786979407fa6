import { missingScopes, requiredApiKeyScopes } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordIntegrationEvent } from '../../audit/record-integration-event'
import { integrations } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { sealSecret } from './integration-secrets'
import { probeToken } from './private-app/probe-token'
import { readTokenInfo } from './private-app/token-info'
import type { IntegrationRow } from './integration-row'
import { writeIntegrationRow } from './write-integration-row'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>
export type ApiKeyError =
  'oauth_connected' | 'api_key_invalid' | 'api_key_missing_scopes' | 'hubspot_unavailable' | 'hubspot_invalid_response'

/**
 * Private-app token mode, the original plan's transition path (account API keys no longer exist).
 * The token is checked with HubSpot's private-app token-info call (portal and scopes) and a test
 * API call (private-app/), then sealed like an OAuth token. `missing` lists scopes the token lacks.
 */
export async function connectApiKey(
  deps: Deps,
  session: SessionInfo,
  token: string,
): Promise<Result<IntegrationRow, { code: ApiKeyError; missing?: string[] }>> {
  const info = await readTokenInfo(deps, deps.hubspot, token)
  if (!info.ok) return err({ code: info.error })
  const probe = await probeToken(deps, deps.hubspot, token)
  if (!probe.ok) return err({ code: probe.error })

  const missing = missingScopes(info.value.scopes, requiredApiKeyScopes)
  if (missing.length > 0) return err({ code: 'api_key_missing_scopes', missing })

  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(integrations)
      .where(and(eq(integrations.workspaceId, session.workspaceId), eq(integrations.provider, 'hubspot')))
      .for('update')
    if (
      existing &&
      existing.authType === 'oauth' &&
      (existing.status === 'connected' || existing.status === 'degraded')
    ) {
      return err({ code: 'oauth_connected' as const })
    }
    const id = existing?.id ?? randomUUID()
    const row = await writeIntegrationRow(tx, {
      existing,
      id,
      workspaceId: session.workspaceId,
      now,
      values: {
        authType: 'api_key',
        hubId: info.value.hubId,
        hubDomain: null,
        grantedScopes: info.value.scopes,
        accessToken: null,
        refreshToken: null,
        apiKey: sealSecret(deps.cipher, id, 'api_key', token),
        tokenExpiresAt: null,
        lastRefreshedAt: null,
      },
    })
    await recordIntegrationEvent(tx, {
      integrationId: id,
      workspaceId: session.workspaceId,
      type: 'api_key_connected',
      fromStatus: existing?.status ?? null,
      toStatus: 'connected',
      actor: `user:${session.userId}`,
      detail: {
        hubId: info.value.hubId,
        scopes: info.value.scopes,
        ...(existing && existing.hubId !== info.value.hubId ? { previousHubId: existing.hubId } : {}),
      },
    })
    deps.logger.info({ integrationId: id, hubId: info.value.hubId }, 'hubspot private-app token connected')
    return ok(row)
  })
}
