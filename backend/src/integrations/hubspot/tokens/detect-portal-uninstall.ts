import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { TokenCipher } from '../../../crypto/token-cipher'
import type { Database } from '../../../db/database'
import { integrations } from '../../../db/schema'
import type { Clock } from '../../../lib/clock'
import type { HubspotApp } from '../hubspot-app'
import { secretContext } from '../integration-secrets'
import type { IntegrationRow } from '../integration-row'
import { introspectToken } from '../oauth/introspect-token'
import { transitionIntegration } from '../status/transition-integration'

interface Deps {
  db: Database
  cipher: TokenCipher
  hubspot: HubspotApp
  fetch: typeof fetch
  clock: Clock
  logger: Logger
}

/**
 * One workspace's grant just died. HubSpot revokes a refresh token alone (a disconnect elsewhere
 * leaves the other grants of the portal working), but an uninstall of the app from the portal
 * kills every grant at once and sends no notice (legacy webhooks have no uninstall event): so the
 * other workspaces' grants on the same portal are asked about. If any of them is dead too, the app
 * was uninstalled, and every workspace on the portal is told so, not left to find out at its next
 * refresh. Returns the rows moved to needs_reauth here (the lost one included, with its reason
 * made precise), for alerting.
 */
export async function detectPortalUninstall(deps: Deps, lost: IntegrationRow): Promise<IntegrationRow[]> {
  if (lost.hubId === null) return []
  const others = await deps.db
    .select()
    .from(integrations)
    .where(
      and(
        eq(integrations.hubId, lost.hubId),
        ne(integrations.id, lost.id),
        eq(integrations.authType, 'oauth'),
        inArray(integrations.status, ['connected', 'degraded']),
      ),
    )
  const dead: IntegrationRow[] = []
  for (const other of others) {
    const opened = other.refreshToken
      ? deps.cipher.open(other.refreshToken, secretContext(other.id, 'refresh_token'))
      : null
    if (!opened?.ok) continue
    const info = await introspectToken(deps, deps.hubspot, opened.value, 'refresh_token')
    // Only a definite "inactive" counts: HubSpot being unreachable says nothing about the install.
    if (info.ok && !info.value.active) dead.push(other)
  }
  if (dead.length === 0) return []

  const now = deps.clock.now()
  const moved: IntegrationRow[] = []
  for (const row of [lost, ...dead]) {
    const updated = await deps.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(integrations).where(eq(integrations.id, row.id)).for('update')
      if (!locked || locked.status === 'disconnected' || locked.hubId !== lost.hubId) return null
      if (locked.id !== lost.id && locked.status === 'needs_reauth') return null
      return transitionIntegration(tx, locked, {
        to: 'needs_reauth',
        actor: 'system',
        errorCode: 'app_uninstalled',
        detail: { hubId: lost.hubId, workspacesAffected: dead.length + 1 },
        now,
        set: { nextRefreshAttemptAt: null },
      })
    })
    if (updated) moved.push(updated)
  }
  return moved
}
