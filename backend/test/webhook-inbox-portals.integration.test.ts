import { and, desc, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { crmTickets, webhookInbox } from '../src/db/schema'
import { runSync } from '../src/sync/run-sync'
import { processWebhookInbox } from '../src/webhooks/process-webhook-inbox'
import type { TestContext } from './test-context'
import { REDIRECT_URI, createTestContext } from './test-context'

let ctx: TestContext
/** The bearer token seen on the next CRM call is recorded here; calls carrying a failing one get HubSpot's 400. */
let recordNext: ((token: string) => void) | null = null
const failing = new Set<string>()

beforeAll(async () => {
  ctx = await createTestContext({
    fetch: (sim) => async (input, init) => {
      const request = new Request(input, init)
      const token = request.headers.get('authorization') ?? ''
      if (new URL(request.url).pathname.startsWith('/crm/')) {
        recordNext?.(token)
        recordNext = null
        if (failing.has(token))
          return Response.json(
            { status: 'error', message: 'Invalid input', correlationId: 'c0ffee', category: 'VALIDATION_ERROR' },
            { status: 400 },
          )
      }
      return sim.fetch(request)
    },
  })
}, 120_000)
afterAll(() => ctx.close())

it("one portal's failing events are released for retry without holding back the other portals'", async () => {
  const portals = [
    ctx.sim.control.createPortal({ companies: 4, tickets: 20 }),
    ctx.sim.control.createPortal({ companies: 4, tickets: 20 }),
  ]
  const workspaces: string[] = []
  let badToken = ''
  for (const [index, portal] of portals.entries()) {
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    if (index === 1) recordNext = (token) => (badToken = token)
    await runSync(ctx.deps, String(connected.body.integration?.id))
    workspaces.push(agent.workspaceId)
  }
  ctx.sim.webhooks.configure(ctx.sim.apps[0]!.appId, {
    targetUrl: new URL('/api/v1/webhooks/hubspot', REDIRECT_URI).toString(),
    subscriptions: [{ eventType: 'ticket.propertyChange', propertyName: 'subject', active: true }],
  })
  const targets: number[] = []
  // The failing portal's edit comes first, so its events are first in the inbox.
  for (const index of [1, 0]) {
    const portal = portals[index]!
    const [ticket] = await ctx.database.db
      .select({ id: crmTickets.hubspotId })
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, workspaces[index]!))
      .orderBy(desc(crmTickets.hsCreatedAt))
      .limit(1)
    targets[index] = ticket!.id
    ctx.clock.advance(1000)
    ctx.sim.control.updateRecord(portal.portalId, 'tickets', String(ticket!.id), {
      subject: `Edited in portal ${index}`,
    })
  }
  await ctx.sim.webhooks.flush()
  failing.add(badToken)

  const run = await processWebhookInbox(ctx.deps)
  expect(run).toMatchObject({ applied: 1, retried: 1 })
  const subject = async (index: number) => {
    const [row] = await ctx.database.db
      .select({ subject: crmTickets.subject })
      .from(crmTickets)
      .where(and(eq(crmTickets.workspaceId, workspaces[index]!), eq(crmTickets.hubspotId, targets[index]!)))
    return row?.subject
  }
  expect(await subject(0)).toBe('Edited in portal 0')
  // The failed portal's event is waiting again at once, not stuck as "processing" until a lease ends.
  const pending = await ctx.database.db
    .select({ outcome: webhookInbox.outcome, processedAt: webhookInbox.processedAt })
    .from(webhookInbox)
    .where(inArray(webhookInbox.portalId, [portals[1]!.portalId]))
  expect(pending).toEqual([{ outcome: null, processedAt: null }])

  failing.clear()
  expect(await processWebhookInbox(ctx.deps)).toMatchObject({ applied: 1, retried: 0 })
  expect(await subject(1)).toBe('Edited in portal 1')
}, 120_000)
