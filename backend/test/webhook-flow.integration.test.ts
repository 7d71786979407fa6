import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnScores, crmTickets, webhookInbox } from '../src/db/schema'
import { runSync } from '../src/sync/run-sync'
import { processWebhookInbox } from '../src/webhooks/process-webhook-inbox'
import type { TestContext } from './test-context'
import { REDIRECT_URI, createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

describe('HubSpot webhooks, end to end through the simulator', () => {
  it('a ticket edited in HubSpot arrives signed, is applied, and re-scores only its company', async () => {
    const portal = ctx.sim.portals[2]!
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    await runSync(ctx.deps, String(connected.body.integration?.id))
    const app = ctx.sim.apps[0]!
    ctx.sim.webhooks.configure(app.appId, {
      targetUrl: new URL('/api/v1/webhooks/hubspot', REDIRECT_URI).toString(),
      subscriptions: [
        { eventType: 'ticket.propertyChange', propertyName: 'subject', active: true },
        { eventType: 'ticket.propertyChange', propertyName: 'hs_ticket_priority', active: true },
        { eventType: 'ticket.creation', active: true },
      ],
    })
    // A recent ticket, so the new wording falls inside the language signals' 90-day window.
    const [target] = await ctx.database.db
      .select()
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
      .orderBy(desc(crmTickets.hsCreatedAt))
      .limit(1)
    const scoresBefore = await ctx.database.db
      .select()
      .from(churnScores)
      .where(eq(churnScores.workspaceId, agent.workspaceId))

    ctx.clock.advance(60_000)
    const edit = ctx.sim.control.updateRecord(portal.portalId, 'tickets', String(target!.hubspotId), {
      subject: 'Cancel our contract, this is unacceptable',
      hs_ticket_priority: 'URGENT',
    })
    expect(edit.ok).toBe(true)
    await ctx.sim.webhooks.flush()
    const deliveries = ctx.sim.webhooks.deliveries()
    expect(deliveries.length).toBeGreaterThan(0)
    expect(deliveries.every((d) => d.status === 200)).toBe(true)
    const inbox = await ctx.database.db.select().from(webhookInbox).where(eq(webhookInbox.portalId, portal.portalId))
    expect(inbox.length).toBeGreaterThanOrEqual(1) // one event per subscribed property that changed

    const run = await processWebhookInbox(ctx.deps)
    expect(run).toMatchObject({ applied: inbox.length, unknownPortal: 0, retried: 0 })
    const [after] = await ctx.database.db
      .select()
      .from(crmTickets)
      .where(and(eq(crmTickets.workspaceId, agent.workspaceId), eq(crmTickets.hubspotId, target!.hubspotId)))
    expect(after).toMatchObject({ subject: 'Cancel our contract, this is unacceptable', priority: 'URGENT' })

    const scoresAfter = await ctx.database.db
      .select()
      .from(churnScores)
      .where(eq(churnScores.workspaceId, agent.workspaceId))
    const moved = scoresAfter.filter(
      (s) => s.computedAt.getTime() !== scoresBefore.find((b) => b.companyId === s.companyId)?.computedAt.getTime(),
    )
    expect(moved.map((s) => s.companyId)).toEqual([target!.companyId])
    expect(moved[0]!.reasons.map((r) => r.signal)).toContain('cancellation_language')

    // HubSpot's retry of the same events (a lost acknowledgement) changes nothing.
    expect((await processWebhookInbox(ctx.deps)).claimed).toBe(0)
  })
})
