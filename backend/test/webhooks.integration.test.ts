import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webhookInbox } from '../src/db/schema'
import { processWebhookInbox } from '../src/webhooks/process-webhook-inbox'
import { signatureV1, signatureV3 } from '../src/webhooks/verify-hubspot-signature'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const path = '/api/v1/webhooks/hubspot'
const publicUrl = 'http://localhost:3000'
let nextEventId = 1000

function event(overrides: Record<string, unknown> = {}) {
  return {
    eventId: nextEventId++,
    subscriptionId: 7,
    portalId: 999_999,
    appId: 1,
    occurredAt: ctx.clock.now().getTime(),
    subscriptionType: 'ticket.propertyChange',
    attemptNumber: 0,
    objectId: 42,
    propertyName: 'hs_pipeline_stage',
    propertyValue: '4',
    changeSource: 'CRM',
    ...overrides,
  }
}

function post(body: string, headers: Record<string, string>) {
  return ctx.app.request(`http://127.0.0.1:3001${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
}

function signedV3(body: string, options: { secret?: string; timestamp?: number; url?: string } = {}) {
  const timestamp = String(options.timestamp ?? ctx.clock.now().getTime())
  const secret = options.secret ?? ctx.deps.hubspot.clientSecret
  return {
    'x-hubspot-signature-v3': signatureV3(secret, 'POST', options.url ?? `${publicUrl}${path}`, body, timestamp),
    'x-hubspot-request-timestamp': timestamp,
  }
}

const inboxCount = async () => (await ctx.database.db.select().from(webhookInbox)).length

describe('webhook ingress', () => {
  it('stores a validly signed batch and acknowledges it; a redelivery adds nothing', async () => {
    const body = JSON.stringify([event(), event({ subscriptionType: 'company.creation', objectId: 7 })])
    const before = await inboxCount()
    const res = await post(body, signedV3(body))
    expect(res.status).toBe(200)
    expect(await inboxCount()).toBe(before + 2)
    expect(ctx.syncRequests.at(-1)).toEqual({ integrationId: '*', reason: 'webhooks' })
    // HubSpot retries with a new timestamp (and attemptNumber); the events are the same.
    const again = JSON.stringify(JSON.parse(body).map((e: Record<string, unknown>) => ({ ...e, attemptNumber: 1 })))
    expect((await post(again, signedV3(again))).status).toBe(200)
    expect(await inboxCount()).toBe(before + 2)
  })

  it.each([
    ['a forged signature', (body: string) => signedV3(body, { secret: 'not-the-client-secret' })],
    ['a stale timestamp', (body: string) => signedV3(body, { timestamp: ctx.clock.now().getTime() - 6 * 60_000 })],
    ['a signature over another URL', (body: string) => signedV3(body, { url: `${publicUrl}/api/v1/webhooks/other` })],
    ['no signature', () => ({})],
    [
      'a v1 signature while v1 is not allowed',
      (body: string) => ({
        'x-hubspot-signature': signatureV1(ctx.deps.hubspot.clientSecret, body),
        'x-hubspot-signature-version': 'v1',
      }),
    ],
  ])('refuses %s and stores nothing', async (_label, headers) => {
    const body = JSON.stringify([event()])
    const before = await inboxCount()
    const res = await post(body, headers(body))
    expect(res.status).toBe(401)
    expect(await inboxCount()).toBe(before)
  })

  it('refuses a tampered body and a body that is not a HubSpot batch', async () => {
    const body = JSON.stringify([event()])
    const headers = signedV3(body)
    expect((await post(body.replace('"objectId":42', '"objectId":43'), headers)).status).toBe(401)
    const notBatch = JSON.stringify({ hello: 'world' })
    expect((await post(notBatch, signedV3(notBatch))).status).toBe(400)
    const tooMany = JSON.stringify(Array.from({ length: 101 }, () => event()))
    expect((await post(tooMany, signedV3(tooMany))).status).toBe(400)
  })

  it('counts and drops events for a portal no workspace has connected', async () => {
    const body = JSON.stringify([event({ portalId: 123_456 }), event({ portalId: 123_456 })])
    await post(body, signedV3(body))
    const run = await processWebhookInbox(ctx.deps)
    expect(run.unknownPortal).toBeGreaterThanOrEqual(2)
    const rows = await ctx.database.db.select().from(webhookInbox).where(eq(webhookInbox.portalId, 123_456))
    expect(rows.every((r) => r.outcome === 'unknown_portal' && r.processedAt !== null)).toBe(true)
    const metrics = await (await ctx.app.request('http://localhost/metrics')).text()
    expect(metrics).toMatch(/churnlens_webhook_processed_total\{outcome="unknown_portal"\} [2-9]/)
    expect(metrics).toMatch(/churnlens_webhook_rejections_total\{reason="invalid_signature"\} [1-9]/)
  })
})
