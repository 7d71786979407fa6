import { hasScopes, optionalFeatures } from '@churnlens/contracts'
import { and, eq, max, notInArray } from 'drizzle-orm'
import type { Database } from '../db/database'
import { hubspotOwners } from '../db/schema'
import type { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { HubspotOwner } from '../integrations/hubspot/crm/list-owners'
import { listOwnersPage } from '../integrations/hubspot/crm/list-owners'
import type { IntegrationRow } from '../integrations/hubspot/integration-row'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'

export type OwnerSyncOutcome = { status: 'off' } | { status: 'fresh' } | { status: 'synced'; owners: number }

/**
 * Reads every owner, live and deactivated, and replaces the workspace's copy: a handful of pages at
 * most, so it reads them whole rather than tracking changes, once the copy is `everyMs` old (owners
 * come and go rarely; which owner a company has rides on the company itself). Off without the owners scope.
 */
export async function syncOwners(
  db: Database,
  client: HubspotClient,
  integration: Pick<IntegrationRow, 'workspaceId' | 'grantedScopes'>,
  now: Date,
  everyMs = 0,
): Promise<Result<OwnerSyncOutcome, CrmCallError>> {
  if (!hasScopes(integration.grantedScopes, optionalFeatures.owners.scopes)) return ok({ status: 'off' })
  if (everyMs > 0) {
    const [copy] = await db
      .select({ syncedAt: max(hubspotOwners.syncedAt) })
      .from(hubspotOwners)
      .where(eq(hubspotOwners.workspaceId, integration.workspaceId))
    if (copy?.syncedAt && now.getTime() - copy.syncedAt.getTime() < everyMs) return ok({ status: 'fresh' })
  }
  const owners: HubspotOwner[] = []
  for (const archived of [false, true]) {
    let after: string | null = null
    do {
      const page = await listOwnersPage(client, archived, after)
      if (!page.ok) return err(page.error)
      owners.push(...page.value.results)
      after = page.value.paging?.next.after ?? null
    } while (after)
  }
  await db.transaction(async (tx) => {
    for (const owner of owners) {
      const values = {
        email: owner.email?.trim().toLowerCase() || null,
        firstName: owner.firstName || null,
        lastName: owner.lastName || null,
        archived: owner.archived,
        syncedAt: now,
      }
      await tx
        .insert(hubspotOwners)
        .values({ workspaceId: integration.workspaceId, ownerId: owner.id, ...values })
        .onConflictDoUpdate({ target: [hubspotOwners.workspaceId, hubspotOwners.ownerId], set: values })
    }
    // Owners HubSpot no longer lists at all were deleted there.
    await tx.delete(hubspotOwners).where(
      and(
        eq(hubspotOwners.workspaceId, integration.workspaceId),
        owners.length > 0
          ? notInArray(
              hubspotOwners.ownerId,
              owners.map((owner) => owner.id),
            )
          : undefined,
      ),
    )
  })
  return ok({ status: 'synced', owners: owners.length })
}
