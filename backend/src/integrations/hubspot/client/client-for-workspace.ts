import type { Queryable } from '../../../db/database'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import { findHubspotIntegration } from '../find-integration'
import type { ClientDeps } from './hubspot-client'
import { HubspotClient } from './hubspot-client'

export interface WorkspaceHubspot {
  client: HubspotClient
  grantedScopes: readonly string[]
}

/** The workspace's HubSpot API, or why there is none to call: nothing connected, or a grant HubSpot refuses. */
export async function clientForWorkspace(
  deps: ClientDeps & { db: Queryable },
  workspaceId: string,
): Promise<Result<WorkspaceHubspot, 'not_connected' | 'needs_reauth'>> {
  const integration = await findHubspotIntegration(deps.db, workspaceId)
  if (!integration || integration.status === 'disconnected' || integration.status === 'pending')
    return err('not_connected')
  if (integration.status === 'needs_reauth') return err('needs_reauth')
  return ok({ client: HubspotClient.fromIntegration(deps, integration), grantedScopes: integration.grantedScopes })
}
