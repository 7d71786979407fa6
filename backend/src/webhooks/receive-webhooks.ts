import type { Context } from 'hono'
import type { AppDeps } from '../app-deps'
import { and, inArray } from 'drizzle-orm'
import { integrations, webhookInbox } from '../db/schema'
import { verifyHubspotSignature } from './verify-hubspot-signature'
import { dedupeKey, webhookBatchSchema } from './webhook-event-schema'

/**
 * POST /api/v1/webhooks/hubspot. Verifies the signature over the raw body, stores the batch in
 * the inbox in one statement (duplicates fall away on the dedupe key) and answers at once;
 * the inbox is processed by a job. Any 4xx/5xx makes HubSpot retry, so only a request we can
 * never accept gets one: a bad signature (401) or a body that is not a HubSpot batch (400).
 */
export async function receiveWebhooks(
  deps: Pick<AppDeps, 'db' | 'hubspot' | 'config' | 'clock' | 'logger' | 'metrics' | 'scheduler'>,
  c: Context,
) {
  // The edge (http/limit-body.ts) already refused a body over HubSpot's batch size while it streamed.
  const rawBody = await c.req.text()
  const url = new URL(c.req.url)
  const verified = verifyHubspotSignature(
    deps.hubspot.clientSecret,
    {
      method: c.req.method,
      // HubSpot signed the public URL it called, not the address our proxy forwarded to.
      url: `${deps.config.publicUrl}${url.pathname}${url.search}`,
      rawBody,
      headers: {
        v3: c.req.header('x-hubspot-signature-v3') ?? null,
        timestamp: c.req.header('x-hubspot-request-timestamp') ?? null,
        v1: c.req.header('x-hubspot-signature-version') === 'v1' ? (c.req.header('x-hubspot-signature') ?? null) : null,
      },
    },
    { now: deps.clock.now().getTime(), allowV1: deps.config.webhooksAcceptV1 },
  )
  if (!verified.ok) {
    deps.metrics.webhookRejections.inc({ reason: verified.error })
    deps.logger.warn({ reason: verified.error }, 'webhook rejected')
    return c.json({ error: verified.error }, 401)
  }
  let json: unknown
  try {
    json = JSON.parse(rawBody)
  } catch {
    deps.metrics.webhookRejections.inc({ reason: 'invalid_json' })
    return c.json({ error: 'invalid_json' }, 400)
  }
  const batch = webhookBatchSchema.safeParse(json)
  if (!batch.success) {
    deps.metrics.webhookRejections.inc({ reason: 'invalid_batch' })
    return c.json({ error: 'invalid_batch' }, 400)
  }
  // One copy per workspace connected to the portal, each with its own dedupe key: a redelivery falls
  // away for every workspace, and one workspace's failure or retry never holds another's events.
  const portals = [...new Set(batch.data.map((event) => event.portalId))]
  const connected = await deps.db
    .select({ workspaceId: integrations.workspaceId, hubId: integrations.hubId })
    .from(integrations)
    .where(and(inArray(integrations.hubId, portals), inArray(integrations.status, ['connected', 'degraded'])))
  const copies = batch.data.flatMap((event): (typeof webhookInbox.$inferInsert)[] => {
    const key = dedupeKey(event)
    const targets = connected.filter((c) => c.hubId === event.portalId).map((c) => c.workspaceId)
    const common = {
      portalId: event.portalId,
      subscriptionType: event.subscriptionType,
      objectId: event.objectId ?? null,
      occurredAt: new Date(event.occurredAt),
      payload: event,
    }
    return targets.length === 0
      ? [{ ...common, dedupeKey: key, workspaceId: null }]
      : targets.map((workspaceId) => ({ ...common, dedupeKey: `${workspaceId}:${key}`, workspaceId }))
  })
  const inserted = await deps.db
    .insert(webhookInbox)
    .values(copies)
    .onConflictDoNothing()
    .returning({ id: webhookInbox.id })
  deps.metrics.webhookEvents.inc({ outcome: 'accepted' }, inserted.length)
  deps.metrics.webhookEvents.inc({ outcome: 'duplicate' }, copies.length - inserted.length)
  if (inserted.length > 0) await deps.scheduler.requestWebhookProcessing()
  return c.body(null, 200)
}
