import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import pLimit from 'p-limit'
import type { AppDeps } from '../app-deps'
import { rescoreCompanies } from '../churn/rescore-companies'
import { pushScores } from '../churn/write-back/push-scores'
import { crmTickets, integrations, webhookInbox } from '../db/schema'
import { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import { batchReadObjects } from '../integrations/hubspot/crm/batch-read-objects'
import type { CrmObjectType } from '../integrations/hubspot/crm/crm-object-types'
import { requestedProperties } from '../integrations/hubspot/crm/crm-object-types'
import { loadRevenueSettings } from '../revenue/load-revenue-settings'
import { syncPropertiesFor } from '../revenue/sync-properties-for'
import { fetchCompanyLinks } from '../sync/fetch-company-links'
import { markArchived, markMerged, upsertCrmObjects } from '../sync/upsert-crm-objects'
import type { WebhookEvent } from './webhook-event-schema'

type Deps = Pick<
  AppDeps,
  'db' | 'clock' | 'logger' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens' | 'scheduler'
>

const objectTypeOf: Record<string, CrmObjectType> = { ticket: 'tickets', company: 'companies', contact: 'contacts' }
const BATCH = 500
/** Portals whose events are applied at once: each mostly waits on HubSpot, within its own rate budget. */
const PORTALS_AT_ONCE = 8
/**
 * A claim older than this is taken to belong to a process that died mid-batch, and its events are
 * claimed again. Applying an event again is harmless (the record is read again from HubSpot and
 * upserted), so a slow live worker overtaken by another costs a few reads, never a wrong row.
 */
export const INBOX_CLAIM_LEASE_MS = 2 * 60_000

export interface InboxRun {
  claimed: number
  applied: number
  unknownPortal: number
  ignored: number
  retried: number
}

/**
 * Drains the inbox: claims events (SKIP LOCKED, so several workers can share it), routes each by
 * the workspace its copy was made for (or, for a copy that found none, every workspace connected to its
 * portal by now), and applies them: changed records are
 * fetched again in batches (webhook payloads carry ids, not data), deletions archived, merges
 * followed. Events for portals no workspace has connected are counted and dropped. A failure
 * releases the claim so the events are retried, never lost; so does a crash, once the claim's lease ends.
 */
export async function processWebhookInbox(deps: Deps): Promise<InboxRun> {
  const run: InboxRun = { claimed: 0, applied: 0, unknownPortal: 0, ignored: 0, retried: 0 }
  for (;;) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(webhookInbox)
        .where(
          or(
            isNull(webhookInbox.processedAt),
            and(
              eq(webhookInbox.outcome, 'processing'),
              lt(webhookInbox.processedAt, new Date(deps.clock.now().getTime() - INBOX_CLAIM_LEASE_MS)),
            ),
          ),
        )
        .orderBy(asc(webhookInbox.occurredAt))
        .limit(BATCH)
        .for('update', { skipLocked: true })
      if (rows.length === 0) return rows
      await tx
        .update(webhookInbox)
        .set({ processedAt: deps.clock.now(), outcome: 'processing' })
        .where(
          inArray(
            webhookInbox.id,
            rows.map((r) => r.id),
          ),
        )
      return rows
    })
    if (claimed.length === 0) return run
    run.claimed += claimed.length
    // Each copy belongs to one workspace (fanned out on receipt); a copy that found no workspace then
    // goes to whichever workspaces have connected the portal since.
    const byTarget = new Map<string, typeof claimed>()
    for (const row of claimed) {
      const target = `${row.portalId}:${row.workspaceId ?? ''}`
      byTarget.set(target, [...(byTarget.get(target) ?? []), row])
    }
    // Portals are applied side by side: each waits mostly on HubSpot (a batch read, a write-back), so a
    // burst across many portals takes about as long as the slowest few, not the sum of them all.
    const limit = pLimit(PORTALS_AT_ONCE)
    const outcomes = await Promise.all([...byTarget.values()].map((rows) => limit(() => applyTarget(deps, rows, run))))
    // A failed portal's events were released for retry; the others are done. The caller retries later.
    if (outcomes.includes('released')) return run
  }
}

/** One portal's (or one workspace copy's) claimed events: applied, dropped as unknown, or released for retry. */
async function applyTarget(
  deps: Deps,
  rows: (typeof webhookInbox.$inferSelect)[],
  run: InboxRun,
): Promise<'done' | 'released'> {
  const { portalId, workspaceId } = rows[0]!
  const ids = rows.map((r) => r.id)
  const targets = await deps.db
    .select()
    .from(integrations)
    .where(
      and(
        eq(integrations.hubId, portalId),
        inArray(integrations.status, ['connected', 'degraded']),
        workspaceId ? eq(integrations.workspaceId, workspaceId) : undefined,
      ),
    )
  if (targets.length === 0) {
    run.unknownPortal += rows.length
    deps.metrics.webhookProcessed.inc({ outcome: 'unknown_portal' }, rows.length)
    await deps.db.update(webhookInbox).set({ outcome: 'unknown_portal' }).where(inArray(webhookInbox.id, ids))
    return 'done'
  }
  try {
    let outcome = { applied: 0, ignored: 0 }
    for (const integration of targets)
      outcome = await applyEvents(
        deps,
        integration,
        rows.map((r) => r.payload as unknown as WebhookEvent),
      )
    run.applied += outcome.applied
    run.ignored += outcome.ignored
    deps.metrics.webhookProcessed.inc({ outcome: 'applied' }, outcome.applied)
    deps.metrics.webhookProcessed.inc({ outcome: 'ignored' }, outcome.ignored)
    await deps.db.update(webhookInbox).set({ outcome: 'applied' }).where(inArray(webhookInbox.id, ids))
    return 'done'
  } catch (error) {
    run.retried += rows.length
    deps.logger.warn({ err: error, portalId }, 'webhook events could not be applied; released for retry')
    await deps.db
      .update(webhookInbox)
      .set({ processedAt: null, outcome: sql`null` })
      .where(inArray(webhookInbox.id, ids))
    return 'released'
  }
}

async function applyEvents(
  deps: Deps,
  integration: typeof integrations.$inferSelect,
  events: WebhookEvent[],
): Promise<{ applied: number; ignored: number }> {
  const client = HubspotClient.fromIntegration(deps, integration)
  const ctx = {
    db: deps.db,
    client,
    workspaceId: integration.workspaceId,
    clock: deps.clock,
    logger: deps.logger,
    touchedCompanies: new Set<number>(),
    ticketCompanies: new Map<string, number>(),
    claim: null,
    sliceEndsAt: null,
    archivedSweepEveryMs: 0,
    revenue: (await loadRevenueSettings(deps.db, integration.workspaceId)).settings,
  }
  const refetch: Record<CrmObjectType, Set<string>> = { tickets: new Set(), companies: new Set(), contacts: new Set() }
  const archive: Record<CrmObjectType, number[]> = { tickets: [], companies: [], contacts: [] }
  let ignored = 0
  for (const event of events) {
    const [prefix = '', action = ''] = event.subscriptionType.split('.')
    const type = objectTypeOf[prefix]
    if (!type) {
      ignored++
      continue
    }
    if (action === 'deletion' || action === 'privacyDeletion') {
      if (event.objectId) archive[type].push(event.objectId)
    } else if (action === 'merge') {
      const survivor = event.newObjectId ?? event.primaryObjectId ?? event.objectId
      if (survivor) {
        await markMerged(
          deps.db,
          integration.workspaceId,
          type,
          (event.mergedObjectIds ?? []).filter((id) => id !== survivor),
          survivor,
        )
        refetch[type].add(String(survivor))
      }
    } else if (action === 'associationChange') {
      const from = event.fromObjectId ?? event.objectId
      if (from) refetch[type].add(String(from))
    } else if (event.objectId) {
      refetch[type].add(String(event.objectId))
    } else {
      ignored++
    }
  }
  if (archive.tickets.length > 0) {
    const affected = await deps.db
      .select({ companyId: crmTickets.companyId })
      .from(crmTickets)
      .where(and(eq(crmTickets.workspaceId, integration.workspaceId), inArray(crmTickets.hubspotId, archive.tickets)))
    for (const { companyId } of affected) if (companyId) ctx.touchedCompanies.add(companyId)
  }
  for (const type of Object.keys(refetch) as CrmObjectType[]) {
    await markArchived(deps.db, integration.workspaceId, type, archive[type])
    const ids = [...refetch[type]].filter((id) => !archive[type].includes(Number(id)))
    for (let start = 0; start < ids.length; start += 100) {
      const chunk = ids.slice(start, start + 100)
      const objects = await batchReadObjects(
        client,
        type,
        chunk,
        requestedProperties(type, syncPropertiesFor(ctx.revenue)),
      )
      if (!objects.ok) throw new Error(`batch read ${type}: ${objects.error}`)
      const links = await fetchCompanyLinks(ctx, type, objects.value)
      if (!links.ok) throw new Error(`associations ${type}: ${links.error}`)
      for (const id of await upsertCrmObjects(
        deps.db,
        integration.workspaceId,
        type,
        objects.value,
        links.value,
        deps.clock.now(),
        ctx.revenue,
      ))
        ctx.touchedCompanies.add(id)
      // Ids HubSpot no longer returns were deleted after the event was sent.
      const found = new Set(objects.value.map((o) => o.id))
      await markArchived(deps.db, integration.workspaceId, type, chunk.filter((id) => !found.has(id)).map(Number))
    }
  }
  // Only the companies these events touched are re-scored.
  const rescored = await rescoreCompanies(deps.db, integration.workspaceId, [...ctx.touchedCompanies], deps.clock.now())
  if (rescored > 0) {
    await pushScores(deps, integration)
    await deps.scheduler.requestAlertCheck(integration.workspaceId)
  }
  return { applied: events.length - ignored, ignored }
}
