import { eq, sql } from 'drizzle-orm'
import type { Transaction } from '../../db/database'
import { integrations } from '../../db/schema'
import { forgetPortalData } from '../../sync/forget-portal-data'
import type { IntegrationRow } from './integration-row'

export type ConnectionValues = Pick<
  typeof integrations.$inferInsert,
  | 'authType'
  | 'hubId'
  | 'hubDomain'
  | 'grantedScopes'
  | 'accessToken'
  | 'refreshToken'
  | 'apiKey'
  | 'tokenExpiresAt'
  | 'lastRefreshedAt'
>

/**
 * Writes a fresh connection into the workspace's one HubSpot row (insert, or update in place with
 * a token_version bump), clearing every trace of the previous connection's failures. Switching to
 * another portal also forgets the old portal's data and write-back state.
 */
export async function writeIntegrationRow(
  tx: Transaction,
  input: { existing: IntegrationRow | undefined; id: string; workspaceId: string; values: ConnectionValues; now: Date },
): Promise<IntegrationRow> {
  const { existing, id, workspaceId, values, now } = input
  const samePortal = existing?.hubId === values.hubId
  const fresh = {
    ...values,
    status: 'connected' as const,
    lastErrorCode: null,
    refreshFailures: 0,
    nextRefreshAttemptAt: null,
    writeBackReadyAt: samePortal ? (existing?.writeBackReadyAt ?? null) : null,
    connectedAt: now,
    updatedAt: now,
  }
  const [row] = existing
    ? await tx
        .update(integrations)
        .set({ ...fresh, tokenVersion: sql`${integrations.tokenVersion} + 1` })
        .where(eq(integrations.id, id))
        .returning()
    : await tx
        .insert(integrations)
        .values({ id, workspaceId, provider: 'hubspot', ...fresh })
        .returning()
  if (!row) throw new Error('integration write returned no row')
  if (existing?.hubId && !samePortal) await forgetPortalData(tx, workspaceId)
  return row
}
