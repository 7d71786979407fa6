import { hasScopes, optionalFeatures } from '@churnlens/contracts'
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/database'
import type { AppDeps } from '../../app-deps'
import { churnScores, integrations } from '../../db/schema'
import { findWriteBackHolder } from '../../integrations/hubspot/find-integration'
import { HubspotClient } from '../../integrations/hubspot/client/hubspot-client'
import type { CrmCallError } from '../../integrations/hubspot/crm/crm-call-error'
import { updateCompanies } from '../../integrations/hubspot/crm/update-companies'
import type { IntegrationRow } from '../../integrations/hubspot/integration-row'
import { bandProperty, ensureScoreProperties, scoreProperty } from './ensure-score-properties'

export type PushOutcome =
  | { status: 'off'; missingScopes: string[] }
  /** Another workspace on the same portal writes the scores back. */
  | { status: 'held_elsewhere'; holderWorkspaceId: string }
  | { status: 'failed'; error: CrmCallError }
  | { status: 'pushed'; companies: number }

type Deps = Pick<
  AppDeps,
  'db' | 'clock' | 'logger' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens'
>

/**
 * Write-back, an optional feature: with both optional scopes granted, the two Churnlens
 * properties are created once and every changed score is pushed in batches of 100. Only rows whose
 * score or band differs from what HubSpot last received are sent.
 */
export async function pushScores(deps: Deps, integration: IntegrationRow): Promise<PushOutcome> {
  const scopes = optionalFeatures.write_back.scopes
  if (!hasScopes(integration.grantedScopes, scopes))
    return { status: 'off', missingScopes: scopes.filter((s) => !integration.grantedScopes.includes(s)) }
  const client = HubspotClient.fromIntegration(deps, integration)
  if (!integration.writeBackReadyAt) {
    // Two workspaces writing one portal's properties would overwrite each other's scores: the first keeps it.
    const holder = await findWriteBackHolder(deps.db, integration)
    if (holder) return { status: 'held_elsewhere', holderWorkspaceId: holder.workspaceId }
    const ready = await ensureScoreProperties(client)
    if (!ready.ok) return { status: 'failed', error: ready.error }
    // The partial unique index on hub_id settles a race between two first pushes.
    await deps.db
      .update(integrations)
      .set({ writeBackReadyAt: deps.clock.now() })
      .where(eq(integrations.id, integration.id))
  }
  // The pushes wait behind any other request for the portal's budget, so a person's click never queues behind them.
  const pusher = client.inBackground()
  let pushed = 0
  for (;;) {
    const pending = await deps.db
      .select({ companyId: churnScores.companyId, score: churnScores.score, band: churnScores.band })
      .from(churnScores)
      .where(
        and(
          eq(churnScores.workspaceId, integration.workspaceId),
          or(
            isNull(churnScores.writtenScore),
            ne(churnScores.writtenScore, churnScores.score),
            ne(churnScores.writtenBand, churnScores.band),
          ),
        ),
      )
      .limit(BATCH * BATCHES_AT_ONCE)
    if (pending.length === 0) return { status: 'pushed', companies: pushed }
    const batches: (typeof pending)[] = []
    for (let start = 0; start < pending.length; start += BATCH) batches.push(pending.slice(start, start + BATCH))
    // Batches go out together (after a first import that is thousands of companies); the portal budget decides how fast.
    const answers = await Promise.all(
      batches.map(async (batch) => {
        const accepted = await updateCompanies(
          pusher,
          batch.map((p) => ({
            id: p.companyId,
            properties: { [scoreProperty]: String(p.score), [bandProperty]: p.band },
          })),
        )
        // Companies HubSpot refused (deleted meanwhile) are marked written too, so they are not retried forever.
        if (accepted.ok) await markWritten(deps.db, integration.workspaceId, batch)
        return accepted
      }),
    )
    for (const accepted of answers) {
      if (!accepted.ok) return { status: 'failed', error: accepted.error }
      pushed += accepted.value.size
    }
    if (answers.every((a) => a.ok && a.value.size === 0))
      deps.logger.warn({ integrationId: integration.id }, 'write-back batch accepted no companies')
  }
}

/**
 * HubSpot's batch update takes 100 records. A round of 50 batches pushes a 5,000-company first import at once, as
 * fast as the budget allows, instead of in rounds that each wait for their slowest answer.
 */
const BATCH = 100
const BATCHES_AT_ONCE = 50

async function markWritten(
  db: Database,
  workspaceId: string,
  rows: readonly { companyId: number; score: number; band: string }[],
): Promise<void> {
  const document = JSON.stringify(rows.map((r) => ({ company_id: r.companyId, score: r.score, band: r.band })))
  // The values sent, not the row's current ones: a score that changed meanwhile is still pending.
  await db.execute(sql`
    update churn_scores s set written_score = x.score, written_band = x.band
    from jsonb_to_recordset(${document}::jsonb) as x(company_id bigint, score integer, band text)
    where s.workspace_id = ${workspaceId}::uuid and s.company_id = x.company_id`)
}
