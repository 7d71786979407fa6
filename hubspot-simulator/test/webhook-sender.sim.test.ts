import { createHash, createHmac } from 'node:crypto'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import type { CrmChange } from '../src/crm/change-feed'
import { createChangeFeed } from '../src/crm/change-feed'
import { correlationId } from '../src/http/correlation-id'
import type { SimEnv } from '../src/http/sim-env'
import { defaultSettings } from '../src/settings'
import type { SimApp } from '../src/state/apps'
import { defaultRedirectUris } from '../src/state/apps'
import { createSimState } from '../src/state/create-sim-state'
import { installKey } from '../src/state/installs'
import type { SimState } from '../src/state/sim-state'
import type {
  HubSpotWebhookEvent,
  WebhookSender,
  WebhookSenderOptions,
  WebhookSubscription,
} from '../src/webhooks/index'
import { createWebhookSender, signatureV1, signatureV3 } from '../src/webhooks/index'
import { uuidPattern } from './helpers'

const targetUrl = 'https://churnlens.example/api/v1/webhooks/hubspot'
const northwind = 2000001
const globex = 2000002
const allReadScopes = ['oauth', 'tickets', 'crm.objects.companies.read', 'crm.objects.contacts.read']
const t0 = 1_760_000_000_000

interface Received {
  url: string
  headers: Headers
  body: string
  events: HubSpotWebhookEvent[]
}

type Responder = (request: Received, index: number) => Response | Promise<Response>

/** The app's webhook endpoint: records every POST and answers with `respond` (200 by default). */
function createReceiver() {
  const requests: Received[] = []
  let respond: Responder = () => new Response(null, { status: 200 })
  const receiverFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    const body = await request.text()
    const received: Received = {
      url: request.url,
      headers: request.headers,
      body,
      events: JSON.parse(body) as HubSpotWebhookEvent[],
    }
    requests.push(received)
    return respond(received, requests.length - 1)
  }
  return {
    fetch: receiverFetch,
    requests,
    respondWith: (responder: Responder) => {
      respond = responder
    },
  }
}

const senders: WebhookSender[] = []
afterEach(() => {
  for (const sender of senders.splice(0)) sender.stop()
})

function install(state: SimState, app: SimApp, portalId: number, scopes: string[]): void {
  const portal = state.portals.find((candidate) => candidate.portalId === portalId)
  const user = portal?.users[0]
  if (!user) throw new Error(`no portal ${portalId}`)
  state.installs.set(installKey(app.appId, portalId), {
    id: state.nextInstallId++,
    appId: app.appId,
    portalId,
    user,
    scopes,
    installedAt: t0,
  })
}

interface SetupOptions {
  sender?: WebhookSenderOptions
  /** Granted scopes per portal; default: northwind and globex with every read scope. */
  installs?: Record<number, string[]>
  subscriptions?: WebhookSubscription[]
}

function setup(options: SetupOptions = {}) {
  let now = t0
  const state = createSimState({
    seed: 'webhooks',
    redirectUris: defaultRedirectUris,
    settings: defaultSettings,
    clock: { now: () => now },
  })
  const app = state.apps[0]
  if (!app) throw new Error('no seeded app')
  for (const [portalId, scopes] of Object.entries(
    options.installs ?? { [northwind]: allReadScopes, [globex]: allReadScopes },
  )) {
    install(state, app, Number(portalId), scopes)
  }
  const feed = createChangeFeed()
  const receiver = createReceiver()
  const sender = createWebhookSender({
    state,
    feed,
    options: { fetch: receiver.fetch, retryBaseMs: 1, batchWindowMs: 5, ...options.sender },
  })
  senders.push(sender)
  sender.configure(app.appId, {
    targetUrl,
    subscriptions: options.subscriptions ?? [{ eventType: 'ticket.creation', active: true }],
  })
  return {
    state,
    app,
    feed,
    receiver,
    sender,
    advance: (ms: number) => {
      now += ms
    },
    now: () => now,
  }
}

const ticketCreated = (objectId: number, portalId = northwind): CrmChange => ({
  kind: 'creation',
  objectType: 'tickets',
  portalId,
  objectId: String(objectId),
  occurredAt: t0 - 1000,
  changeSource: 'API',
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('events and batches', () => {
  it("250 changes → 3 POSTs of ≤100 events, one eventId each, in HubSpot's shape", async () => {
    const { app, feed, receiver, sender } = setup()
    for (let i = 0; i < 250; i++) feed.publish(ticketCreated(30_000_000_001 + i))
    await sender.flush()

    expect(receiver.requests.map((request) => request.events.length)).toEqual([100, 100, 50])
    const events = receiver.requests.flatMap((request) => request.events)
    const firstId = events[0]?.eventId ?? 0
    expect(events.map((event) => event.eventId)).toEqual(events.map((_, index) => firstId + index))
    const subscriptionId = sender.settingsFor(app.appId).subscriptions[0]?.id
    expect(events[0]).toEqual({
      eventId: firstId,
      subscriptionId,
      portalId: northwind,
      appId: app.appId,
      occurredAt: t0 - 1000,
      subscriptionType: 'ticket.creation',
      attemptNumber: 0,
      objectId: 30_000_000_001,
      changeSource: 'API',
      changeFlag: 'NEW',
    })
    expect(sender.deliveries()).toEqual([
      { batchId: 1, appId: app.appId, portalId: northwind, attemptNumber: 0, eventCount: 100, status: 200, at: t0 },
      { batchId: 2, appId: app.appId, portalId: northwind, attemptNumber: 0, eventCount: 100, status: 200, at: t0 },
      { batchId: 3, appId: app.appId, portalId: northwind, attemptNumber: 0, eventCount: 50, status: 200, at: t0 },
    ])
  })

  it('batches per portal, and the batch window gathers without flush()', async () => {
    const { feed, receiver } = setup({ sender: { batchWindowMs: 20 } })
    feed.publish(ticketCreated(1, northwind))
    feed.publish(ticketCreated(2, globex))
    feed.publish(ticketCreated(3, northwind))
    await sleep(5)
    expect(receiver.requests).toEqual([])
    await sleep(60)
    expect(receiver.requests.map((request) => request.events.map((event) => [event.portalId, event.objectId]))).toEqual(
      [
        [
          [northwind, 1],
          [northwind, 3],
        ],
        [[globex, 2]],
      ],
    )
  })

  it('same seed → same eventIds and subscription ids', async () => {
    const runs = [setup(), setup()]
    for (const run of runs) {
      run.feed.publish(ticketCreated(1))
      await run.sender.flush()
    }
    expect(runs[0]?.receiver.requests[0]?.body).toBe(runs[1]?.receiver.requests[0]?.body)
  })

  it("propertyChange, deletion, restore, merge and associationChange events carry HubSpot's fields", async () => {
    const { app, feed, receiver, sender } = setup({
      subscriptions: [
        { eventType: 'ticket.propertyChange', propertyName: 'hs_pipeline_stage', active: true },
        { eventType: 'company.deletion', active: true },
        { eventType: 'company.restore', active: true },
        { eventType: 'contact.merge', active: true },
        { eventType: 'ticket.associationChange', active: true },
      ],
    })
    const base = { portalId: northwind, occurredAt: t0 - 5, changeSource: 'CRM_UI' }
    feed.publish({
      ...base,
      kind: 'propertyChange',
      objectType: 'tickets',
      objectId: '30000000001',
      propertyName: 'hs_pipeline_stage',
      propertyValue: '4',
    })
    feed.publish({
      ...base,
      kind: 'propertyChange',
      objectType: 'tickets',
      objectId: '30000000001',
      propertyName: 'hs_pipeline_stage',
      propertyValue: null,
    })
    feed.publish({ ...base, kind: 'deletion', objectType: 'companies', objectId: '10000000001' })
    feed.publish({ ...base, kind: 'restore', objectType: 'companies', objectId: '10000000001' })
    feed.publish({
      ...base,
      kind: 'merge',
      objectType: 'contacts',
      primaryObjectId: '20000000001',
      mergedObjectIds: ['20000000002'],
      newObjectId: '20000000001',
    })
    feed.publish({
      ...base,
      kind: 'associationChange',
      objectType: 'tickets',
      fromObjectId: '30000000001',
      toObjectId: '10000000001',
      associationType: 'ticket_to_company',
      associationRemoved: false,
    })
    await sender.flush()

    const ids = new Map(
      sender.settingsFor(app.appId).subscriptions.map((subscription) => [subscription.eventType, subscription.id]),
    )
    const events = receiver.requests.flatMap((request) => request.events)
    const first = events[0]?.eventId ?? 0
    const common = (index: number, subscriptionType: string) => ({
      eventId: first + index,
      subscriptionId: ids.get(subscriptionType),
      portalId: northwind,
      appId: app.appId,
      occurredAt: t0 - 5,
      subscriptionType,
      attemptNumber: 0,
      changeSource: 'CRM_UI',
    })
    expect(events).toEqual([
      {
        ...common(0, 'ticket.propertyChange'),
        objectId: 30000000001,
        propertyName: 'hs_pipeline_stage',
        propertyValue: '4',
      },
      {
        ...common(1, 'ticket.propertyChange'),
        objectId: 30000000001,
        propertyName: 'hs_pipeline_stage',
        propertyValue: '',
      },
      { ...common(2, 'company.deletion'), objectId: 10000000001 },
      { ...common(3, 'company.restore'), objectId: 10000000001 },
      {
        ...common(4, 'contact.merge'),
        objectId: 20000000001,
        primaryObjectId: 20000000001,
        mergedObjectIds: [20000000002],
        newObjectId: 20000000001,
        numberOfPropertiesMoved: 0,
      },
      {
        ...common(5, 'ticket.associationChange'),
        objectId: 30000000001,
        associationType: 'TICKET_TO_COMPANY',
        fromObjectId: 30000000001,
        toObjectId: 10000000001,
        associationRemoved: false,
        isPrimaryAssociation: false,
      },
    ])
  })
})

describe('signatures and headers', () => {
  it('v1 matches the facts file test vector', () => {
    const body =
      '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]'
    expect(signatureV1('yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy', body)).toBe(
      '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de',
    )
  })

  it("every POST carries HubSpot's headers, and both signatures verify with the client secret", async () => {
    const { app, feed, receiver, sender } = setup()
    feed.publish(ticketCreated(1))
    await sender.flush()

    const [request] = receiver.requests
    if (!request) throw new Error('nothing delivered')
    expect(request.url).toBe(targetUrl)
    expect(Object.fromEntries(request.headers)).toEqual({
      'content-type': 'application/json',
      'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) - WebhooksExecutorDaemon',
      'x-hubspot-signature': createHash('sha256')
        .update(app.clientSecret + request.body)
        .digest('hex'),
      'x-hubspot-signature-version': 'v1',
      'x-hubspot-signature-v3': createHmac('sha256', app.clientSecret)
        .update(`POST${targetUrl}${request.body}${t0}`)
        .digest('base64'),
      'x-hubspot-request-timestamp': String(t0),
      'x-hubspot-timeout-millis': '5000',
    })
    expect(app.clientSecret).toMatch(uuidPattern)
  })

  it("v3 signs the URI with HubSpot's listed escapes decoded", () => {
    const url = 'https://churnlens.example/hooks%3Ain?next=%2Fa%20b'
    const expected = createHmac('sha256', 's3cret')
      .update('POSThttps://churnlens.example/hooks:in?next=/a%20b[]42')
      .digest('base64')
    expect(signatureV3('s3cret', 'POST', url, '[]', 42)).toBe(expected)
  })
})

describe('who receives what', () => {
  it('an install without `tickets` gets no ticket events, but still its company events', async () => {
    const { feed, receiver, sender } = setup({
      installs: { [northwind]: ['oauth', 'crm.objects.companies.read', 'crm.objects.contacts.read'] },
      subscriptions: [
        { eventType: 'ticket.creation', active: true },
        { eventType: 'company.creation', active: true },
      ],
    })
    feed.publish(ticketCreated(1))
    feed.publish({
      kind: 'creation',
      objectType: 'companies',
      portalId: northwind,
      objectId: '10000000001',
      occurredAt: t0,
      changeSource: 'API',
    })
    // Not installed in globex at all: nothing.
    feed.publish(ticketCreated(2, globex))
    await sender.flush()
    expect(receiver.requests.flatMap((request) => request.events.map((event) => event.subscriptionType))).toEqual([
      'company.creation',
    ])
  })

  it('scope changes apply to the next write', async () => {
    const { state, app, feed, receiver, sender } = setup()
    const grant = state.installs.get(installKey(app.appId, northwind))
    if (!grant) throw new Error('no install')
    grant.scopes = ['oauth', 'crm.objects.contacts.read']
    feed.publish(ticketCreated(1))
    grant.scopes = allReadScopes
    feed.publish(ticketCreated(2))
    await sender.flush()
    expect(receiver.requests.flatMap((request) => request.events.map((event) => event.objectId))).toEqual([2])
  })

  it('paused subscriptions and apps without a target URL send nothing', async () => {
    const { app, feed, receiver, sender } = setup({ subscriptions: [{ eventType: 'ticket.creation', active: false }] })
    feed.publish(ticketCreated(1))
    await sender.flush()
    expect(receiver.requests).toEqual([])

    sender.configure(app.appId, { targetUrl: null, subscriptions: [{ eventType: 'ticket.creation', active: true }] })
    feed.publish(ticketCreated(2))
    await sender.flush()
    expect(receiver.requests).toEqual([])
  })

  it('propertyChange subscriptions match only their property', async () => {
    const { feed, receiver, sender } = setup({
      subscriptions: [{ eventType: 'ticket.propertyChange', propertyName: 'hs_pipeline_stage', active: true }],
    })
    const change = (propertyName: string, propertyValue: string): CrmChange => ({
      kind: 'propertyChange',
      objectType: 'tickets',
      portalId: northwind,
      objectId: '30000000001',
      propertyName,
      propertyValue,
      occurredAt: t0,
      changeSource: 'API',
    })
    feed.publish(change('subject', 'Printer on fire'))
    feed.publish(change('hs_pipeline_stage', '2'))
    feed.publish(ticketCreated(3))
    await sender.flush()
    expect(
      receiver.requests.flatMap((request) => request.events.map((event) => [event.propertyName, event.propertyValue])),
    ).toEqual([['hs_pipeline_stage', '2']])
  })

  it('after stop() nothing more is sent', async () => {
    const { feed, receiver, sender } = setup()
    sender.stop()
    feed.publish(ticketCreated(1))
    await sender.flush()
    expect(receiver.requests).toEqual([])
  })
})

describe('retries', () => {
  it('a 500 is retried with attemptNumber 1, a fresh timestamp and fresh signatures', async () => {
    const { app, feed, receiver, sender, advance } = setup()
    receiver.respondWith((_, index) => {
      advance(60_000)
      return index === 0 ? new Response('boom', { status: 500 }) : new Response(null, { status: 204 })
    })
    feed.publish(ticketCreated(1))
    await sender.flush()

    expect(receiver.requests.map((request) => request.events.map((event) => event.attemptNumber))).toEqual([[0], [1]])
    expect(receiver.requests[1]?.events[0]?.eventId).toBe(receiver.requests[0]?.events[0]?.eventId)
    expect(receiver.requests.map((request) => request.headers.get('x-hubspot-request-timestamp'))).toEqual([
      String(t0),
      String(t0 + 60_000),
    ])
    for (const request of receiver.requests) {
      const timestamp = request.headers.get('x-hubspot-request-timestamp') ?? ''
      expect(request.headers.get('x-hubspot-signature-v3')).toBe(
        signatureV3(app.clientSecret, 'POST', targetUrl, request.body, Number(timestamp)),
      )
      expect(request.headers.get('x-hubspot-signature')).toBe(signatureV1(app.clientSecret, request.body))
    }
    expect(sender.deliveries().map(({ attemptNumber, status, at }) => ({ attemptNumber, status, at }))).toEqual([
      { attemptNumber: 0, status: 500, at: t0 },
      { attemptNumber: 1, status: 204, at: t0 + 60_000 },
    ])
  })

  it('gives up after 10 retries, with increasing delays', async () => {
    const { feed, receiver, sender } = setup()
    const sentAt: number[] = []
    receiver.respondWith(() => {
      sentAt.push(performance.now())
      return new Response(null, { status: 404 })
    })
    feed.publish(ticketCreated(1))
    await sender.flush()
    await sleep(50)

    expect(receiver.requests.map((request) => request.events[0]?.attemptNumber)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ])
    expect(sender.deliveries().map((delivery) => delivery.status)).toEqual(Array(11).fill(404))
    // retryBaseMs 1: waits of ≥1, 2, 4 … 512 ms; the last gaps dominate timer noise.
    const gaps = sentAt.slice(1).map((time, index) => time - (sentAt[index] ?? 0))
    expect(gaps[9] ?? 0).toBeGreaterThanOrEqual(500)
    expect(gaps[9] ?? 0).toBeGreaterThan(gaps[8] ?? Infinity)
  })

  it('connection failures and timeouts are retried too', async () => {
    const { feed, receiver, sender } = setup({ sender: { timeoutMs: 30 } })
    receiver.respondWith(async (_, index) => {
      if (index === 0) throw new TypeError('fetch failed')
      if (index === 1) await sleep(200)
      return new Response(null, { status: 200 })
    })
    feed.publish(ticketCreated(1))
    await sender.flush()
    expect(sender.deliveries().map(({ attemptNumber, status }) => [attemptNumber, status])).toEqual([
      [0, 'network'],
      [1, 'timeout'],
      [2, 200],
    ])
  })

  it('honours Retry-After on 429', async () => {
    const { feed, receiver, sender } = setup()
    const sentAt: number[] = []
    receiver.respondWith((_, index) => {
      sentAt.push(performance.now())
      return index === 0
        ? new Response(null, { status: 429, headers: { 'Retry-After': '1' } })
        : new Response(null, { status: 200 })
    })
    feed.publish(ticketCreated(1))
    await sender.flush()
    expect(sender.deliveries().map((delivery) => delivery.status)).toEqual([429, 200])
    expect((sentAt[1] ?? 0) - (sentAt[0] ?? 0)).toBeGreaterThanOrEqual(990)
  })
})

describe('throttling and chaos', () => {
  /** Holds each request for `holdMs` and tracks the most requests open at once per portal. */
  function trackConcurrency(receiver: ReturnType<typeof createReceiver>, holdMs: number) {
    const open = new Map<number, number>()
    const peak = new Map<number, number>()
    receiver.respondWith(async (request) => {
      const portalId = request.events[0]?.portalId ?? 0
      open.set(portalId, (open.get(portalId) ?? 0) + 1)
      peak.set(portalId, Math.max(peak.get(portalId) ?? 0, open.get(portalId) ?? 0))
      await sleep(holdMs)
      open.set(portalId, (open.get(portalId) ?? 0) - 1)
      return new Response(null, { status: 200 })
    })
    return peak
  }

  it('at most maxConcurrentRequests in flight per portal', async () => {
    const { app, feed, receiver, sender } = setup()
    sender.configure(app.appId, { maxConcurrentRequests: 2 })
    const peak = trackConcurrency(receiver, 20)
    for (let i = 0; i < 500; i++) {
      feed.publish(ticketCreated(i + 1, northwind))
      feed.publish(ticketCreated(i + 1, globex))
    }
    await sender.flush()
    expect(receiver.requests).toHaveLength(10)
    expect(Object.fromEntries(peak)).toEqual({ [northwind]: 2, [globex]: 2 })
  })

  it('defaults to 10 in flight', async () => {
    const { feed, receiver, sender } = setup()
    const peak = trackConcurrency(receiver, 20)
    for (let i = 0; i < 1500; i++) feed.publish(ticketCreated(i + 1))
    await sender.flush()
    expect(receiver.requests).toHaveLength(15)
    expect(peak.get(northwind)).toBe(10)
  })

  it('duplicateRate 1 delivers every event twice, the copies in later requests; shuffle reorders', async () => {
    const { feed, receiver, sender } = setup({ sender: { duplicateRate: 1, shuffle: true } })
    for (let i = 0; i < 50; i++) feed.publish(ticketCreated(i + 1))
    await sender.flush()
    const [originals, copies] = receiver.requests.map((request) => request.events.map((event) => event.objectId))
    const inOrder = Array.from({ length: 50 }, (_, index) => index + 1)
    expect([...(originals ?? [])].sort((a, b) => a - b)).toEqual(inOrder)
    expect([...(copies ?? [])].sort((a, b) => a - b)).toEqual(inOrder)
    expect(originals).not.toEqual(inOrder)
  })
})

describe('HTTP routes', () => {
  function routes() {
    const ctx = setup({ subscriptions: [] })
    const http = new Hono<SimEnv>()
    http.use(correlationId(ctx.state))
    ctx.sender.registerRoutes(http)
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await http.request(`https://api.hubapi.com${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      })
      return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as unknown) }
    }
    return { ...ctx, call }
  }

  it('settings: PUT then GET with the developer key; no key → 401; no settings → 404', async () => {
    const { app, call } = routes()
    const path = `/webhooks/v3/${app.appId}/settings`
    expect(await call('GET', path)).toEqual({
      status: 401,
      body: expect.objectContaining({
        status: 'error',
        category: 'INVALID_AUTHENTICATION',
        correlationId: expect.stringMatching(uuidPattern),
      }),
    })
    await call('DELETE', `${path}?hapikey=dev-key`)
    expect((await call('GET', `${path}?hapikey=dev-key`)).status).toBe(404)

    const settings = { targetUrl, throttling: { maxConcurrentRequests: 8 } }
    const expected = { ...settings, createdAt: new Date(t0).toISOString(), updatedAt: new Date(t0).toISOString() }
    expect(await call('PUT', `${path}?hapikey=dev-key`, settings)).toEqual({ status: 200, body: expected })
    expect(await call('GET', `${path}?hapikey=dev-key`)).toEqual({ status: 200, body: expected })
    expect(
      await call('PUT', `${path}?hapikey=dev-key`, { targetUrl, throttling: { maxConcurrentRequests: 5 } }),
    ).toEqual({
      status: 400,
      body: expect.objectContaining({
        category: 'VALIDATION_ERROR',
        errors: [expect.objectContaining({ context: { path: ['throttling.maxConcurrentRequests'] } })],
      }),
    })
    expect((await call('GET', `/webhooks/v3/42/settings?hapikey=dev-key`)).status).toBe(404)
  })

  it('subscriptions start paused; PATCH activates; propertyChange needs a propertyName; 1000 is the cap', async () => {
    const { app, feed, receiver, sender, call } = routes()
    const path = `/webhooks/v3/${app.appId}/subscriptions?hapikey=k`
    const created = await call('POST', path, { eventType: 'ticket.creation' })
    const iso = new Date(t0).toISOString()
    expect(created).toEqual({
      status: 201,
      body: {
        id: expect.stringMatching(/^\d+$/),
        eventType: 'ticket.creation',
        active: false,
        createdAt: iso,
        updatedAt: iso,
      },
    })
    const id = (created.body as { id: string }).id
    expect(await call('GET', path)).toEqual({ status: 200, body: { results: [created.body] } })

    feed.publish(ticketCreated(1))
    await sender.flush()
    expect(receiver.requests).toEqual([])

    expect(await call('PATCH', `/webhooks/v3/${app.appId}/subscriptions/${id}?hapikey=k`, { active: true })).toEqual({
      status: 200,
      body: { id, eventType: 'ticket.creation', active: true, createdAt: iso, updatedAt: iso },
    })
    feed.publish(ticketCreated(2))
    await sender.flush()
    expect(receiver.requests.flatMap((request) => request.events.map((event) => event.objectId))).toEqual([2])

    expect(await call('POST', path, { eventType: 'ticket.propertyChange' })).toEqual({
      status: 400,
      body: expect.objectContaining({
        category: 'VALIDATION_ERROR',
        errors: [
          { message: 'propertyName is required for propertyChange subscriptions', context: { path: ['propertyName'] } },
        ],
      }),
    })
    expect(
      (await call('POST', path, { eventType: 'ticket.propertyChange', propertyName: 'hs_lastmodifieddate' })).status,
    ).toBe(400)
    expect((await call('POST', path, { eventType: 'ticket.teleported' })).status).toBe(400)
    expect((await call('PATCH', `/webhooks/v3/${app.appId}/subscriptions/1?hapikey=k`, { active: true })).status).toBe(
      404,
    )

    sender.configure(app.appId, {
      subscriptions: Array.from({ length: 1000 }, () => ({ eventType: 'ticket.deletion', active: false })),
    })
    expect(await call('POST', path, { eventType: 'ticket.creation' })).toEqual({
      status: 400,
      body: expect.objectContaining({
        status: 'error',
        message: 'An app can have at most 1000 subscriptions',
        category: 'VALIDATION_ERROR',
      }),
    })
  })

  it('control: PUT configures active subscriptions, then flush and the delivery log', async () => {
    const { app, feed, call } = routes()
    const configured = await call('PUT', `/_simulator/webhooks/${app.appId}`, {
      targetUrl,
      subscriptions: [
        { eventType: 'ticket.creation' },
        { eventType: 'ticket.propertyChange', propertyName: 'subject' },
      ],
      maxConcurrentRequests: 1,
    })
    expect(configured).toEqual({
      status: 200,
      body: {
        targetUrl,
        maxConcurrentRequests: 1,
        subscriptions: [
          { id: expect.any(Number), eventType: 'ticket.creation', active: true, createdAt: t0, updatedAt: t0 },
          {
            id: expect.any(Number),
            eventType: 'ticket.propertyChange',
            propertyName: 'subject',
            active: true,
            createdAt: t0,
            updatedAt: t0,
          },
        ],
      },
    })
    expect(
      (await call('PUT', `/_simulator/webhooks/${app.appId}`, { targetUrl: 'ftp://x', subscriptions: [] })).status,
    ).toBe(400)

    feed.publish(ticketCreated(1))
    expect(await call('POST', '/_simulator/webhooks/flush')).toEqual({
      status: 200,
      body: { flushed: true, deliveries: 1 },
    })
    expect(await call('GET', '/_simulator/webhooks/deliveries')).toEqual({
      status: 200,
      body: {
        total: 1,
        deliveries: [
          { batchId: 1, appId: app.appId, portalId: northwind, attemptNumber: 0, eventCount: 1, status: 200, at: t0 },
        ],
      },
    })
  })

  it('reset() forgets settings, queues and the log', async () => {
    const { app, feed, receiver, sender } = setup()
    feed.publish(ticketCreated(1))
    await sender.flush()
    sender.reset()
    expect(sender.deliveries()).toEqual([])
    expect(sender.settingsFor(app.appId)).toEqual({ targetUrl: null, subscriptions: [], maxConcurrentRequests: 10 })
    feed.publish(ticketCreated(2))
    await sender.flush()
    expect(receiver.requests).toHaveLength(1)
  })
})
