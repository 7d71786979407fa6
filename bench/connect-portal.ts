import { callbackBodySchema } from '@churnlens/contracts'
import { randomBytes } from 'node:crypto'
import type { AppDeps, SessionInfo } from '../backend/src/app-deps'
import { sessions, users, workspaceMembers, workspaces } from '../backend/src/db/schema'
import { completeAuthorization } from '../backend/src/integrations/hubspot/complete-authorization'
import { startAuthorization } from '../backend/src/integrations/hubspot/start-authorization'
import { driveConsentPage } from '../backend/test/drive-consent-page'

/**
 * A workspace with an owner, made directly in the database (no scrypt sign-up per portal), connected to a simulator
 * portal through the product's own OAuth flow: consent page, callback, token exchange. Returns the integration and
 * workspace ids; the caller decides when the first sync is requested.
 */
export async function connectPortal(
  deps: AppDeps,
  portal: { portalId: number; hubDomain: string },
  passwordHash: string,
): Promise<{ integrationId: string; workspaceId: string }> {
  const db = deps.db
  const [user] = await db
    .insert(users)
    .values({ email: `owner@${portal.hubDomain}`, passwordHash })
    .returning()
  const [workspace] = await db.insert(workspaces).values({ name: portal.hubDomain }).returning()
  await db.insert(workspaceMembers).values({ workspaceId: workspace!.id, userId: user!.id, role: 'owner' })
  const session: SessionInfo = {
    id: randomBytes(16).toString('hex'),
    userId: user!.id,
    email: user!.email,
    workspaceId: workspace!.id,
    workspaceName: workspace!.name,
    role: 'owner',
  }
  await db.insert(sessions).values({
    id: session.id,
    userId: user!.id,
    workspaceId: workspace!.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  })
  const url = await startAuthorization(deps, session)
  const query = await driveConsentPage(fetch, url, { decision: 'Grant access', portalId: portal.portalId })
  const connected = await completeAuthorization(deps, session, callbackBodySchema.parse(Object.fromEntries(query)))
  if (!connected.ok) throw new Error(`portal ${portal.portalId}: ${connected.error}`)
  return { integrationId: connected.value.id, workspaceId: workspace!.id }
}
