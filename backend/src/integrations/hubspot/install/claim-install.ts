import type { ClaimInstallBody, ClaimInstallErrorCode } from '@churnlens/contracts'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { AppDeps, SessionInfo } from '../../../app-deps'
import { sha256 } from '../../../crypto/random-token'
import { pendingInstalls, sessions, workspaceMembers, workspaces } from '../../../db/schema'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import { findHubspotIntegration } from '../find-integration'
import type { IntegrationRow } from '../integration-row'
import { saveOAuthConnection } from '../save-oauth-connection'
import { findPendingInstall } from './find-pending-install'
import { ownedWorkspaces } from './owned-workspaces'
import { pendingInstallContext } from './pending-install-secrets'

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'clock' | 'logger'>

/**
 * Finishes an install started from HubSpot: the signed-in person names a workspace they own (or a
 * new one), the waiting grant moves into that workspace's connection exactly as a connect from
 * Churnlens would write it, and that workspace becomes the session's current one. The pending row
 * is burnt in one UPDATE, so two tabs cannot both claim it, and keeps no token afterwards.
 */
export async function claimInstall(
  deps: Deps,
  session: SessionInfo,
  claimToken: string | null,
  body: ClaimInstallBody,
): Promise<Result<IntegrationRow, ClaimInstallErrorCode>> {
  const now = deps.clock.now()
  const pending = await findPendingInstall(deps.db, claimToken, now)
  if (!pending.ok) return err(pending.error)

  if ('workspaceId' in body) {
    if ((await ownedWorkspaces(deps.db, session.userId, body.workspaceId)).length === 0) return err('forbidden')
    const existing = await findHubspotIntegration(deps.db, body.workspaceId)
    // Replacing another portal's live connection is a decision for Settings, with its confirmation.
    if (existing && existing.status !== 'disconnected' && existing.hubId !== pending.value.hubId)
      return err('workspace_connected_elsewhere')
  }

  const [burnt] = await deps.db
    .update(pendingInstalls)
    .set({ claimedAt: now, accessToken: null, refreshToken: null })
    .where(
      and(
        eq(pendingInstalls.claimHash, sha256(claimToken ?? '')),
        isNull(pendingInstalls.claimedAt),
        isNull(pendingInstalls.revokedAt),
        gt(pendingInstalls.expiresAt, now),
      ),
    )
    .returning({ id: pendingInstalls.id })
  if (!burnt) return err('install_already_claimed')
  const workspaceId =
    'workspaceId' in body ? body.workspaceId : await createWorkspace(deps, session.userId, body.newWorkspaceName)
  await deps.db.update(pendingInstalls).set({ claimedWorkspaceId: workspaceId }).where(eq(pendingInstalls.id, burnt.id))

  const row = pending.value
  const open = (column: 'access_token' | 'refresh_token', sealed: string | null) => {
    const opened = sealed ? deps.cipher.open(sealed, pendingInstallContext(row.id, column)) : null
    if (!opened?.ok) throw new Error(`pending install ${row.id}: ${column} failed to open`)
    return opened.value
  }
  const integration = await saveOAuthConnection(
    deps,
    { workspaceId, userId: session.userId },
    {
      accessToken: open('access_token', row.accessToken),
      refreshToken: open('refresh_token', row.refreshToken),
      expiresInSeconds: Math.max(0, Math.floor((row.tokenExpiresAt.getTime() - now.getTime()) / 1000)),
      hubId: row.hubId,
      scopes: row.grantedScopes,
    },
    { hubId: row.hubId, hubDomain: row.hubDomain, scopes: row.grantedScopes },
    'hubspot_install',
  )
  if (workspaceId !== session.workspaceId)
    await deps.db.update(sessions).set({ workspaceId }).where(eq(sessions.id, session.id))
  deps.logger.info(
    { pendingInstallId: row.id, workspaceId, integrationId: integration.id, hubId: row.hubId },
    'hubspot install claimed',
  )
  return ok(integration)
}

async function createWorkspace(deps: Pick<Deps, 'db'>, userId: string, name: string): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name }).returning({ id: workspaces.id })
    if (!workspace) throw new Error('workspace insert returned no row')
    await tx.insert(workspaceMembers).values({ workspaceId: workspace.id, userId, role: 'owner' })
    return workspace.id
  })
}
