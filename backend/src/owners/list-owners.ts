import type { OwnerView, OwnersResponse } from '@churnlens/contracts'
import { missingScopes, optionalFeatures } from '@churnlens/contracts'
import { and, asc, count, eq } from 'drizzle-orm'
import type { SessionInfo } from '../app-deps'
import type { Database } from '../db/database'
import { crmCompanies, hubspotOwners } from '../db/schema'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'
import { findMyOwner } from './find-my-owner'

/** Pure: a person's name as HubSpot shows it, falling back to the email, then the id. */
export function ownerName(owner: {
  ownerId: string
  email: string | null
  firstName: string | null
  lastName: string | null
}): string {
  const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ')
  return name || owner.email || `Owner ${owner.ownerId}`
}

/** The workspace's owners with how many live companies each owns, and which one the signed-in member is. */
export async function listOwners(db: Database, session: SessionInfo): Promise<OwnersResponse> {
  const integration = await findHubspotIntegration(db, session.workspaceId)
  const rows = await db
    .select({
      ownerId: hubspotOwners.ownerId,
      email: hubspotOwners.email,
      firstName: hubspotOwners.firstName,
      lastName: hubspotOwners.lastName,
      archived: hubspotOwners.archived,
      companies: count(crmCompanies.hubspotId),
    })
    .from(hubspotOwners)
    .leftJoin(
      crmCompanies,
      and(
        eq(crmCompanies.workspaceId, hubspotOwners.workspaceId),
        eq(crmCompanies.ownerId, hubspotOwners.ownerId),
        eq(crmCompanies.archived, false),
      ),
    )
    .where(eq(hubspotOwners.workspaceId, session.workspaceId))
    .groupBy(
      hubspotOwners.ownerId,
      hubspotOwners.email,
      hubspotOwners.firstName,
      hubspotOwners.lastName,
      hubspotOwners.archived,
    )
    .orderBy(asc(hubspotOwners.archived), asc(hubspotOwners.firstName), asc(hubspotOwners.ownerId))
  const owners: OwnerView[] = rows.map((row) => ({
    id: row.ownerId,
    name: ownerName(row),
    email: row.email,
    archived: row.archived,
    companies: row.companies,
  }))
  const me = await findMyOwner(db, session)
  return {
    missingScopes: missingScopes(integration?.grantedScopes ?? [], optionalFeatures.owners.scopes),
    owners,
    me: {
      matchEmail: me.matchEmail,
      matchedBy: me.matchedBy,
      owner: owners.find((owner) => owner.id === me.ownerId) ?? null,
    },
  }
}
