import { and, asc, eq, gt, isNotNull, isNull, not, or, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { AppDeps } from '../app-deps'
import { slackUrlSeal } from '../alerts/slack-url-seal'
import { alertSlackTargets, integrations, oauthStates, pendingInstalls } from '../db/schema'
import { pendingInstallContext } from '../integrations/hubspot/install/pending-install-secrets'
import { secretContext } from '../integrations/hubspot/integration-secrets'
import type { SecretColumn } from '../integrations/hubspot/integration-secrets'
import { transitionIntegration } from '../integrations/hubspot/status/transition-integration'

export interface RotationReport {
  integrationsScanned: number
  valuesResealed: number
  unreadable: number
  statesResealed: number
  pendingInstallsResealed: number
  slackUrlsResealed: number
}

const columns: [SecretColumn, 'accessToken' | 'refreshToken' | 'apiKey'][] = [
  ['access_token', 'accessToken'],
  ['refresh_token', 'refreshToken'],
  ['api_key', 'apiKey'],
]

/**
 * Re-seals every secret with the newest key in the ring, one row at a time under its row lock,
 * so the app keeps serving (a refresh simply waits for the row). Idempotent and resumable: only
 * values not yet under the current key are touched, so a rerun continues where one stopped.
 * A value under a key no longer in the ring cannot be opened: that integration goes to
 * needs_reauth with `token_unreadable` instead of failing the run.
 */
export async function rotateSealedSecrets(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'clock' | 'logger'>,
  options: { batchSize?: number } = {},
): Promise<RotationReport> {
  const current = `v1.${deps.cipher.currentKeyId}.%`
  const stale = (column: AnyPgColumn) => and(isNotNull(column), not(sql`${column} like ${current}`))
  const report: RotationReport = {
    integrationsScanned: 0,
    valuesResealed: 0,
    unreadable: 0,
    statesResealed: 0,
    pendingInstallsResealed: 0,
    slackUrlsResealed: 0,
  }
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const batch = await deps.db
      .select({ id: integrations.id })
      .from(integrations)
      .where(
        and(
          gt(integrations.id, after),
          or(stale(integrations.accessToken), stale(integrations.refreshToken), stale(integrations.apiKey)),
        ),
      )
      .orderBy(asc(integrations.id))
      .limit(options.batchSize ?? 100)
    if (batch.length === 0) break
    for (const { id } of batch) {
      after = id
      report.integrationsScanned++
      await deps.db.transaction(async (tx) => {
        const [row] = await tx.select().from(integrations).where(eq(integrations.id, id)).for('update')
        if (!row) return
        const update: Partial<Record<'accessToken' | 'refreshToken' | 'apiKey', string>> = {}
        let unreadable = false
        for (const [column, field] of columns) {
          const sealed = row[field]
          if (!sealed || deps.cipher.keyIdOf(sealed) === deps.cipher.currentKeyId) continue
          const opened = deps.cipher.open(sealed, secretContext(row.id, column))
          if (!opened.ok) {
            unreadable = true
            continue
          }
          update[field] = deps.cipher.seal(opened.value, secretContext(row.id, column))
        }
        if (Object.keys(update).length > 0) {
          await tx.update(integrations).set(update).where(eq(integrations.id, row.id))
          report.valuesResealed += Object.keys(update).length
        }
        if (unreadable) {
          report.unreadable++
          deps.logger.error(
            { integrationId: row.id },
            'a sealed token is under a key no longer in TOKEN_ENCRYPTION_KEYS; the integration needs reconnecting',
          )
          if (row.status === 'connected' || row.status === 'degraded') {
            await transitionIntegration(
              tx,
              { ...row, ...update },
              { to: 'needs_reauth', actor: 'system', errorCode: 'token_unreadable', now: deps.clock.now() },
            )
          }
        }
      })
    }
  }
  // Live PKCE verifiers too (they expire within 10 minutes, but a rotation should leave nothing behind).
  const states = await deps.db
    .select()
    .from(oauthStates)
    .where(
      and(
        isNull(oauthStates.consumedAt),
        gt(oauthStates.expiresAt, deps.clock.now()),
        not(sql`${oauthStates.codeVerifier} like ${current}`),
      ),
    )
  for (const state of states) {
    const context = { table: 'oauth_states', rowId: state.stateHash, column: 'code_verifier' }
    const opened = deps.cipher.open(state.codeVerifier, context)
    if (!opened.ok) continue
    await deps.db
      .update(oauthStates)
      .set({ codeVerifier: deps.cipher.seal(opened.value, context) })
      .where(eq(oauthStates.stateHash, state.stateHash))
    report.statesResealed++
  }
  // Installs from HubSpot waiting to be claimed hold a grant too (an hour at most, but not one under a retired key).
  const waiting = await deps.db
    .select()
    .from(pendingInstalls)
    .where(
      and(isNull(pendingInstalls.claimedAt), isNull(pendingInstalls.revokedAt), stale(pendingInstalls.refreshToken)),
    )
  for (const install of waiting) {
    const reseal = (column: 'access_token' | 'refresh_token', sealed: string | null) => {
      const opened = sealed ? deps.cipher.open(sealed, pendingInstallContext(install.id, column)) : null
      return opened?.ok ? deps.cipher.seal(opened.value, pendingInstallContext(install.id, column)) : null
    }
    const accessToken = reseal('access_token', install.accessToken)
    const refreshToken = reseal('refresh_token', install.refreshToken)
    // Unreadable: leave it; it expires within the hour and nobody can claim what cannot be opened.
    if (!accessToken || !refreshToken) continue
    await deps.db.update(pendingInstalls).set({ accessToken, refreshToken }).where(eq(pendingInstalls.id, install.id))
    report.pendingInstallsResealed++
  }
  // Slack webhook URLs are bearer secrets too. One that cannot be opened stays as it is: its alerts
  // are logged as undeliverable until someone saves the URL again.
  for (const target of await deps.db.select().from(alertSlackTargets).where(stale(alertSlackTargets.urlSealed))) {
    const opened = deps.cipher.open(target.urlSealed, slackUrlSeal(target.workspaceId))
    if (!opened.ok) {
      report.unreadable++
      deps.logger.error({ workspaceId: target.workspaceId }, 'a Slack URL is under a key no longer in the ring')
      continue
    }
    await deps.db
      .update(alertSlackTargets)
      .set({ urlSealed: deps.cipher.seal(opened.value, slackUrlSeal(target.workspaceId)) })
      .where(eq(alertSlackTargets.workspaceId, target.workspaceId))
    report.slackUrlsResealed++
  }
  return report
}
