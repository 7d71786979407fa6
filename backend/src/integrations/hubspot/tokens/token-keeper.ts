import type { IntegrationReasonCode } from '@churnlens/contracts'
import { missingScopes } from '@churnlens/contracts'
import { and, eq, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { TokenCipher } from '../../../crypto/token-cipher'
import type { Database, Transaction } from '../../../db/database'
import { integrations } from '../../../db/schema'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { Clock } from '../../../lib/clock'
import type { Metrics } from '../../../observability/create-metrics'
import type { NeedsReauthAlert } from '../../../observability/send-alert'
import { findIntegrationById } from '../find-integration'
import type { HubspotApp } from '../hubspot-app'
import { sealSecret, secretContext } from '../integration-secrets'
import { introspectToken } from '../oauth/introspect-token'
import { requestTokens } from '../oauth/token-grant'
import type { IntegrationRow } from '../integration-row'
import { transitionIntegration } from '../status/transition-integration'
import { requiredScopesFor } from '../to-integration-view'
import { classifyRefreshFailure } from './classify-refresh-failure'
import { detectPortalUninstall } from './detect-portal-uninstall'
import { refreshBackoffMs } from './refresh-backoff'

/** Refresh when less than this remains, so a token never expires in the middle of a call. */
export const REFRESH_MARGIN_MS = 5 * 60_000

export interface Credential {
  integrationId: string
  authType: 'oauth' | 'api_key'
  token: string
  /** The row's token_version the token came from; a 401 handler passes it back to force a newer one. */
  version: number
}

export type CredentialError = 'not_connected' | 'needs_reauth' | 'hubspot_unavailable'

export interface EnsureOptions {
  /** Refresh even if the token looks valid (HubSpot answered 401), unless a newer version than this exists. */
  rejectedVersion?: number
  /** Refresh if less than this remains (the background job uses 10 minutes). */
  marginMs?: number
}

/** What the keeper works with; the app's deps hold the keeper, so it names its own rather than picking from them. */
export interface TokenKeeperDeps {
  db: Database
  cipher: TokenCipher
  hubspot: HubspotApp
  fetch: typeof fetch
  clock: Clock
  logger: Logger
  metrics: Metrics
  onNeedsReauth?: (alert: NeedsReauthAlert) => void
}

/**
 * Keeps OAuth tokens valid. In one process, concurrent callers share one refresh (a promise per
 * integration). Across processes, the refresh runs under `SELECT … FOR UPDATE` on the row: the
 * first instance refreshes, the others wait on the lock, re-read, and find the new token. The
 * write is a compare-and-set on token_version, and the new refresh token is committed before the
 * new access token is handed to anyone.
 */
export function createTokenKeeper(deps: TokenKeeperDeps) {
  const inFlight = new Map<string, Promise<Result<Credential, CredentialError>>>()

  function openCredential(row: IntegrationRow): Result<Credential, 'unreadable'> {
    const column = row.authType === 'api_key' ? 'api_key' : 'access_token'
    const sealed = row.authType === 'api_key' ? row.apiKey : row.accessToken
    if (!sealed) return err('unreadable')
    const opened = deps.cipher.open(sealed, secretContext(row.id, column))
    if (!opened.ok) return err('unreadable')
    return ok({ integrationId: row.id, authType: row.authType, token: opened.value, version: row.tokenVersion })
  }

  /**
   * Five minutes, or half the token's life when HubSpot issues shorter tokens, so a short-lived
   * token is not refreshed on every single call.
   */
  function marginFor(row: IntegrationRow, requested: number): number {
    if (!row.tokenExpiresAt || !row.lastRefreshedAt) return requested
    const lifetime = row.tokenExpiresAt.getTime() - row.lastRefreshedAt.getTime()
    return lifetime > 0 ? Math.min(requested, lifetime / 2) : requested
  }
  const isFresh = (row: IntegrationRow, marginMs: number) =>
    row.tokenExpiresAt !== null && row.tokenExpiresAt.getTime() - deps.clock.now().getTime() > marginFor(row, marginMs)
  const isUsable = (row: IntegrationRow) =>
    row.tokenExpiresAt !== null && row.tokenExpiresAt.getTime() > deps.clock.now().getTime()

  async function markNeedsReauth(
    tx: Transaction,
    row: IntegrationRow,
    errorCode: IntegrationReasonCode,
    detail: Record<string, unknown> = {},
  ) {
    const updated = await transitionIntegration(tx, row, {
      to: 'needs_reauth',
      actor: 'system',
      errorCode,
      detail,
      now: deps.clock.now(),
      set: { nextRefreshAttemptAt: null },
    })
    deps.metrics.statusTransitions.inc({ from: row.status, to: 'needs_reauth' })
    return updated
  }

  function alertNeedsReauth(row: IntegrationRow, reason: IntegrationReasonCode) {
    deps.logger.warn(
      { integrationId: row.id, workspaceId: row.workspaceId, reason },
      'integration needs reauthorization',
    )
    deps.onNeedsReauth?.({
      type: 'integration.needs_reauth',
      integrationId: row.id,
      workspaceId: row.workspaceId,
      hubId: row.hubId,
      reason,
      occurredAt: deps.clock.now().toISOString(),
    })
  }

  async function refreshUnderLock(
    integrationId: string,
    seenVersion: number,
    options: EnsureOptions,
  ): Promise<Result<Credential, CredentialError>> {
    const started = performance.now()
    let alert: { row: IntegrationRow; reason: IntegrationReasonCode } | null = null
    let refreshed: { version: number; accessToken: string } | null = null
    const result = await deps.db.transaction(async (tx): Promise<Result<Credential, CredentialError>> => {
      const [row] = await tx.select().from(integrations).where(eq(integrations.id, integrationId)).for('update')
      if (!row || row.status === 'disconnected') return err('not_connected')
      if (row.status === 'needs_reauth') return err('needs_reauth')
      // Someone refreshed while we waited for the lock: use theirs.
      if (row.tokenVersion > seenVersion && isFresh(row, REFRESH_MARGIN_MS)) return credentialOrReauth(tx, row)
      if (options.rejectedVersion === undefined && isFresh(row, options.marginMs ?? REFRESH_MARGIN_MS))
        return credentialOrReauth(tx, row)
      // Backing off after a transient failure: no call to HubSpot until the window passes.
      if (row.nextRefreshAttemptAt && row.nextRefreshAttemptAt.getTime() > deps.clock.now().getTime()) {
        return isUsable(row) && options.rejectedVersion === undefined
          ? credentialOrReauth(tx, row)
          : err('hubspot_unavailable')
      }
      const sealedRefresh = row.refreshToken
      const refreshToken = sealedRefresh
        ? deps.cipher.open(sealedRefresh, secretContext(row.id, 'refresh_token'))
        : null
      if (!refreshToken?.ok) {
        alert = { row, reason: 'token_unreadable' }
        await markNeedsReauth(tx, row, 'token_unreadable')
        return err('needs_reauth')
      }

      deps.metrics.refreshAttempts.inc()
      const tokens = await requestTokens(deps, deps.hubspot, {
        grant: 'refresh_token',
        refreshToken: refreshToken.value,
      })
      deps.metrics.hubspotRequests.inc({ kind: 'oauth', status: tokens.ok ? '200' : tokens.error })
      const now = deps.clock.now()
      if (!tokens.ok) {
        const failure = classifyRefreshFailure(tokens.error)
        deps.metrics.refreshFailures.inc({ reason: failure.errorCode })
        if (failure.kind === 'dead') {
          alert = { row, reason: failure.errorCode }
          await markNeedsReauth(tx, row, failure.errorCode)
          return err('needs_reauth')
        }
        const failures = row.refreshFailures + 1
        const updated = await transitionIntegration(tx, row, {
          to: 'degraded',
          actor: 'system',
          errorCode: failure.errorCode,
          now,
          set: {
            refreshFailures: failures,
            nextRefreshAttemptAt: new Date(now.getTime() + refreshBackoffMs(failures)),
          },
        })
        if (row.status !== 'degraded') deps.metrics.statusTransitions.inc({ from: row.status, to: 'degraded' })
        deps.logger.warn(
          { integrationId: row.id, reason: failure.errorCode, failures },
          'token refresh failed; will retry',
        )
        // A token that is still valid keeps working while we retry in the background.
        return isUsable(updated) && options.rejectedVersion === undefined
          ? credentialOrReauth(tx, updated)
          : err('hubspot_unavailable')
      }

      // Committed before anything else is asked of HubSpot: if the refresh token rotated, a crash
      // after this answer must find the new one stored (scopes are checked after the commit).
      const [saved] = await tx
        .update(integrations)
        .set({
          accessToken: sealSecret(deps.cipher, row.id, 'access_token', tokens.value.accessToken),
          // Always the refresh token HubSpot just returned: if it rotates, the old one is dead.
          refreshToken: sealSecret(deps.cipher, row.id, 'refresh_token', tokens.value.refreshToken),
          tokenExpiresAt: new Date(now.getTime() + tokens.value.expiresInSeconds * 1000),
          tokenVersion: sql`${integrations.tokenVersion} + 1`,
          lastRefreshedAt: now,
          refreshFailures: 0,
          nextRefreshAttemptAt: null,
          updatedAt: now,
        })
        .where(and(eq(integrations.id, row.id), eq(integrations.tokenVersion, row.tokenVersion)))
        .returning()
      if (!saved) throw new Error(`token_version moved under a row lock for ${row.id}`)
      deps.metrics.refreshSuccesses.inc()
      refreshed = { version: saved.tokenVersion, accessToken: tokens.value.accessToken }
      if (saved.status !== 'connected') {
        const recovered = await transitionIntegration(tx, saved, {
          to: 'connected',
          actor: 'system',
          now,
          detail: { afterFailures: row.refreshFailures },
        })
        deps.metrics.statusTransitions.inc({ from: saved.status, to: 'connected' })
        return credentialOrReauth(tx, recovered)
      }
      return credentialOrReauth(tx, saved)
    })
    const checked = refreshed && result.ok ? await checkScopes(integrationId, refreshed) : result
    deps.metrics.refreshDuration.observe((performance.now() - started) / 1000)
    const raised = alert as { row: IntegrationRow; reason: IntegrationReasonCode } | null
    if (raised?.reason === 'refresh_token_revoked') {
      const uninstalled = await detectPortalUninstall(deps, raised.row)
      for (const row of uninstalled) alertNeedsReauth(row, 'app_uninstalled')
      if (uninstalled.length === 0) alertNeedsReauth(raised.row, raised.reason)
    } else if (raised) alertNeedsReauth(raised.row, raised.reason)
    return checked
  }

  /**
   * Scopes can drift (app settings changed, a scope revoked): read them on every refresh, and ask
   * for a reconnect when a required one is gone. Not under the row lock: HubSpot may be slow.
   */
  async function checkScopes(
    integrationId: string,
    refreshed: { version: number; accessToken: string },
  ): Promise<Result<Credential, CredentialError>> {
    const info = await introspectToken(deps, deps.hubspot, refreshed.accessToken, 'access_token')
    let raised: IntegrationRow | null = null
    const result = await deps.db.transaction(async (tx): Promise<Result<Credential, CredentialError>> => {
      const [row] = await tx.select().from(integrations).where(eq(integrations.id, integrationId)).for('update')
      if (!row || row.status === 'disconnected') return err('not_connected')
      if (row.status === 'needs_reauth') return err('needs_reauth')
      // Another refresh since ours read its own scopes.
      if (!info.ok || !info.value.active || row.tokenVersion !== refreshed.version) return credentialOrReauth(tx, row)
      const scopes = info.value.scopes
      const [saved] = await tx
        .update(integrations)
        .set({ grantedScopes: scopes })
        .where(eq(integrations.id, row.id))
        .returning()
      const missing = missingScopes(scopes, requiredScopesFor(row.authType))
      if (missing.length === 0) return credentialOrReauth(tx, saved ?? row)
      raised = await markNeedsReauth(tx, saved ?? row, 'missing_scopes', { missingScopes: missing })
      return err('needs_reauth')
    })
    const alerted = raised as IntegrationRow | null
    if (alerted) alertNeedsReauth(alerted, 'missing_scopes')
    return result
  }

  async function credentialOrReauth(
    tx: Transaction,
    row: IntegrationRow,
  ): Promise<Result<Credential, CredentialError>> {
    const credential = openCredential(row)
    if (credential.ok) return credential
    await markNeedsReauth(tx, row, 'token_unreadable')
    return err('needs_reauth')
  }

  async function ensureValidToken(
    integrationId: string,
    options: EnsureOptions = {},
  ): Promise<Result<Credential, CredentialError>> {
    const row = await findIntegrationById(deps.db, integrationId)
    if (!row || row.status === 'disconnected') return err('not_connected')
    if (row.status === 'needs_reauth') return err('needs_reauth')
    if (
      row.authType === 'api_key' ||
      (options.rejectedVersion === undefined && isFresh(row, options.marginMs ?? REFRESH_MARGIN_MS))
    ) {
      const credential = openCredential(row)
      if (credential.ok) return credential
      return deps.db.transaction(async (tx) => {
        const [locked] = await tx.select().from(integrations).where(eq(integrations.id, integrationId)).for('update')
        if (!locked) return err('not_connected' as const)
        alertNeedsReauth(locked, 'token_unreadable')
        await markNeedsReauth(tx, locked, 'token_unreadable')
        return err('needs_reauth' as const)
      })
    }
    if (
      options.rejectedVersion !== undefined &&
      row.tokenVersion > options.rejectedVersion &&
      isFresh(row, REFRESH_MARGIN_MS)
    ) {
      const credential = openCredential(row)
      if (credential.ok) return credential
    }
    const existing = inFlight.get(integrationId)
    if (existing) return existing
    const seen = options.rejectedVersion ?? row.tokenVersion
    const refresh = refreshUnderLock(integrationId, seen, options).finally(() => inFlight.delete(integrationId))
    inFlight.set(integrationId, refresh)
    return refresh
  }

  /** HubSpot refused a credential we cannot refresh (a deleted private-app token): ask for a reconnect. */
  async function reportRejectedCredential(integrationId: string, reason: IntegrationReasonCode): Promise<void> {
    const raised = await deps.db.transaction(async (tx) => {
      const [row] = await tx.select().from(integrations).where(eq(integrations.id, integrationId)).for('update')
      if (!row || row.status === 'needs_reauth' || row.status === 'disconnected') return null
      return markNeedsReauth(tx, row, reason)
    })
    if (raised) alertNeedsReauth(raised, reason)
  }

  return { ensureValidToken, reportRejectedCredential }
}

export type TokenKeeper = ReturnType<typeof createTokenKeeper>
