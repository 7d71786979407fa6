import { missingScopes, requiredApiKeyScopes } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { AppDeps, SessionInfo } from '../../app-deps'
import { recordIntegrationEvent } from '../../audit/record-integration-event'
import { integrations } from '../../db/schema'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import { sealSecret } from './integration-secrets'
import { sendToHubspot } from './client/send-to-hubspot'
import type { IntegrationRow } from './integration-row'
import { writeIntegrationRow } from './write-integration-row'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'hubspot' | 'clock' | 'fetch' | 'logger'>
export type ApiKeyError = 'oauth_connected' | 'api_key_invalid' | 'api_key_missing_scopes' | 'hubspot_unavailable' | 'hubspot_invalid_response'

const tokenInfo = z.object({ hubId: z.number().int(), scopes: z.array(z.string()), appId: z.number().optional(), userId: z.number().optional() })

/**
 * Private-app token mode, the original plan's transition path (account API keys no longer exist).
 * The token is checked with HubSpot's private-app token-info call (portal and scopes) and a test
 * API call, then sealed like an OAuth token. `missing` lists scopes the token lacks.
 */
export async function connectApiKey(deps: Deps, session: SessionInfo, token: string): Promise<Result<IntegrationRow, { code: ApiKeyError; missing?: string[] }>> {
  const infoResponse = await sendToHubspot(deps, new Request(`${deps.hubspot.apiBaseUrl}/oauth/v2/private-apps/get/access-token-info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ tokenKey: token }),
  }))
  if (!infoResponse.ok || infoResponse.value.status >= 500 || infoResponse.value.status === 429) return err({ code: 'hubspot_unavailable' })
  if (!infoResponse.value.ok) return err({ code: 'api_key_invalid' })
  const info = tokenInfo.safeParse(await infoResponse.value.json().catch(() => null))
  if (!info.success) return err({ code: 'hubspot_invalid_response' })

  const probe = await sendToHubspot(deps, new Request(`${deps.hubspot.apiBaseUrl}/account-info/v3/details`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }))
  if (!probe.ok || probe.value.status >= 500 || probe.value.status === 429) return err({ code: 'hubspot_unavailable' })
  if (!probe.value.ok) return err({ code: 'api_key_invalid' })

  const missing = missingScopes(info.data.scopes, requiredApiKeyScopes)
  if (missing.length > 0) return err({ code: 'api_key_missing_scopes', missing })

  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(integrations)
      .where(and(eq(integrations.workspaceId, session.workspaceId), eq(integrations.provider, 'hubspot'))).for('update')
    if (existing && existing.authType === 'oauth' && (existing.status === 'connected' || existing.status === 'degraded')) {
      return err({ code: 'oauth_connected' as const })
    }
    const id = existing?.id ?? randomUUID()
    const row = await writeIntegrationRow(tx, {
      existing, id, workspaceId: session.workspaceId, now,
      values: {
        authType: 'api_key',
        hubId: info.data.hubId,
        hubDomain: null,
        grantedScopes: info.data.scopes,
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
      detail: { hubId: info.data.hubId, scopes: info.data.scopes, ...(existing && existing.hubId !== info.data.hubId ? { previousHubId: existing.hubId } : {}) },
    })
    deps.logger.info({ integrationId: id, hubId: info.data.hubId }, 'hubspot private-app token connected')
    return ok(row)
  })
}
