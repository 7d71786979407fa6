import type { IntegrationView } from '@churnlens/contracts'
import { missingScopes, optionalScopes, requiredScopes } from '@churnlens/contracts'
import type { IntegrationRow } from './save-oauth-connection'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** What the API may say about an integration: an allow-list of fields, so a secret cannot leak by accident. */
export function toIntegrationView(row: IntegrationRow): IntegrationView {
  const granted = row.status === 'disconnected' ? [] : row.grantedScopes
  return {
    id: row.id,
    provider: 'hubspot',
    status: row.status,
    authType: row.authType,
    hubId: row.hubId,
    hubDomain: row.hubDomain,
    grantedScopes: granted,
    requiredScopes: [...requiredScopes],
    optionalScopes: [...optionalScopes],
    missingRequiredScopes: row.status === 'disconnected' ? [] : missingScopes(granted, requiredScopes),
    tokenExpiresAt: iso(row.tokenExpiresAt),
    lastRefreshedAt: iso(row.lastRefreshedAt),
    connectedAt: iso(row.connectedAt),
    lastErrorCode: row.lastErrorCode,
    updatedAt: row.updatedAt.toISOString(),
  }
}
