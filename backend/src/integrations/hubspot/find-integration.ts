import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm'
import type { Queryable } from '../../db/database'
import { integrations } from '../../db/schema'
import type { IntegrationRow } from './integration-row'

/** Always scoped by workspace: there is no way to load another workspace's integration by id. */
export async function findHubspotIntegration(db: Queryable, workspaceId: string): Promise<IntegrationRow | null> {
  const [row] = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.workspaceId, workspaceId), eq(integrations.provider, 'hubspot')))
  return row ?? null
}

export async function findIntegrationById(db: Queryable, integrationId: string): Promise<IntegrationRow | null> {
  const [row] = await db.select().from(integrations).where(eq(integrations.id, integrationId))
  return row ?? null
}

export async function connectedIntegrationIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .select({ id: integrations.id })
    .from(integrations)
    .where(inArray(integrations.status, ['connected', 'degraded']))
  return rows.map((r) => r.id)
}

/** Workspaces whose HubSpot connection is alive (their data moves; their scores should too). */
export async function connectedWorkspaceIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: integrations.workspaceId })
    .from(integrations)
    .where(inArray(integrations.status, ['connected', 'degraded']))
  return rows.map((r) => r.id)
}

/** The other workspace's connection that writes scores back to this one's portal, if any (only one may). */
export async function findWriteBackHolder(
  db: Queryable,
  integration: Pick<IntegrationRow, 'id' | 'hubId'>,
): Promise<{ id: string; workspaceId: string } | null> {
  if (integration.hubId === null) return null
  const [holder] = await db
    .select({ id: integrations.id, workspaceId: integrations.workspaceId })
    .from(integrations)
    .where(
      and(
        eq(integrations.hubId, integration.hubId),
        isNotNull(integrations.writeBackReadyAt),
        ne(integrations.id, integration.id),
      ),
    )
  return holder ?? null
}
