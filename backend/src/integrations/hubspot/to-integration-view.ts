import type { IntegrationView } from '@churnlens/contracts'
import {
  disabledFeatures,
  missingScopes,
  optionalScopes,
  requiredApiKeyScopes,
  requiredScopes,
} from '@churnlens/contracts'
import type { IntegrationRow } from './integration-row'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** The scopes an integration must hold for its auth type (private apps have no `oauth` scope). */
export function requiredScopesFor(authType: IntegrationRow['authType']): string[] {
  return authType === 'api_key' ? requiredApiKeyScopes : requiredScopes
}

/** What the API may say about an integration: an allow-list of fields, so a secret cannot leak by accident. */
export function toIntegrationView(
  row: IntegrationRow,
  context: { writeBackHeldElsewhere?: boolean } = {},
): IntegrationView {
  const disconnected = row.status === 'disconnected'
  const granted = disconnected ? [] : row.grantedScopes
  const required = requiredScopesFor(row.authType)
  return {
    id: row.id,
    provider: 'hubspot',
    status: row.status,
    authType: row.authType,
    hubId: row.hubId,
    hubDomain: row.hubDomain,
    grantedScopes: granted,
    requiredScopes: required,
    optionalScopes: [...optionalScopes],
    missingRequiredScopes: disconnected ? [] : missingScopes(granted, required),
    tokenExpiresAt: iso(row.tokenExpiresAt),
    lastRefreshedAt: iso(row.lastRefreshedAt),
    connectedAt: iso(row.connectedAt),
    lastErrorCode: row.lastErrorCode,
    disabledFeatures: disconnected ? [] : disabledFeatures(granted),
    writeBackHeldElsewhere: !disconnected && (context.writeBackHeldElsewhere ?? false),
    dailyUsage:
      row.dailyLimit !== null && row.dailyRemaining !== null && row.dailySeenAt !== null && !disconnected
        ? {
            limit: row.dailyLimit,
            used: Math.max(0, row.dailyLimit - row.dailyRemaining),
            seenAt: row.dailySeenAt.toISOString(),
          }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  }
}
