import { hubspotApi } from '@churnlens/contracts'
import { and, desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushScores } from '../src/churn/write-back/push-scores'
import { crmTickets, integrationEvents, webhookInbox } from '../src/db/schema'
import { secretContext } from '../src/integrations/hubspot/integration-secrets'
import { runSync } from '../src/sync/run-sync'
import { processWebhookInbox } from '../src/webhooks/process-webhook-inbox'
import { signatureV3 } from '../src/webhooks/verify-hubspot-signature'
import type { TestContext } from './test-context'
import { REDIRECT_URI, SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

type Agent = Awaited<ReturnType<TestContext['signedUpAgent']>>

/** Two workspaces, each with its own grant of the same portal. */
async function twoWorkspacesOn(portalId: number): Promise<[Agent, Agent]> {
  const first = await ctx.signedUpAgent()
  const second = await ctx.signedUpAgent()
  for (const agent of [first, second]) {
    const connected = await ctx.connect(agent, portalId)
    expect(connected.status).toBe(200)
  }
  return [first, second]
}

async function refreshTokenOf(agent: Agent): Promise<string> {
  const row = await ctx.requireIntegrationRow(agent.workspaceId)
  const opened = ctx.deps.cipher.open(row.refreshToken ?? '', secretContext(row.id, 'refresh_token'))
  if (!opened.ok) throw new Error('unreadable refresh token')
  return opened.value
}

/** HubSpot's own view of a refresh token: GET /oauth/v1/refresh-tokens/{token} answers 200 only while it lives. */
async function aliveAtHubspot(refreshToken: string): Promise<boolean> {
  return (await ctx.sim.fetch(`${SIMULATOR_URL}/oauth/v1/refresh-tokens/${refreshToken}`)).status === 200
}

describe('one portal, several workspaces', () => {
  it('fans each webhook out to every workspace on the portal, each deduplicated and applied on its own', async () => {
    const portal = ctx.sim.portals[2]!
    const [first, second] = await twoWorkspacesOn(portal.portalId)
    for (const agent of [first, second])
      await runSync(ctx.deps, (await ctx.requireIntegrationRow(agent.workspaceId)).id)
    ctx.sim.webhooks.configure(ctx.sim.apps[0]!.appId, {
      targetUrl: new URL('/api/v1/webhooks/hubspot', REDIRECT_URI).toString(),
      subscriptions: [{ eventType: 'ticket.propertyChange', propertyName: 'subject', active: true }],
    })
    const [target] = await ctx.database.db
      .select()
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, first.workspaceId))
      .orderBy(desc(crmTickets.hsCreatedAt))
      .limit(1)

    ctx.clock.advance(60_000)
    const subject = 'Both teams should see this'
    expect(ctx.sim.control.updateRecord(portal.portalId, 'tickets', String(target!.hubspotId), { subject }).ok).toBe(
      true,
    )
    await ctx.sim.webhooks.flush()
    expect(ctx.sim.webhooks.deliveries().at(-1)?.status).toBe(200)

    const copies = await ctx.database.db.select().from(webhookInbox).where(eq(webhookInbox.portalId, portal.portalId))
    expect(copies.map((c) => c.workspaceId).sort()).toEqual([first.workspaceId, second.workspaceId].sort())
    expect(new Set(copies.map((c) => c.dedupeKey)).size).toBe(2)

    // HubSpot delivering the same batch again (a lost acknowledgement) adds nothing for either workspace.
    const body = JSON.stringify([copies[0]!.payload])
    const timestamp = String(ctx.clock.now().getTime())
    const url = 'http://localhost:3000/api/v1/webhooks/hubspot'
    const redelivered = await ctx.app.request('http://127.0.0.1:3001/api/v1/webhooks/hubspot', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signatureV3(ctx.deps.hubspot.clientSecret, 'POST', url, body, timestamp),
        'x-hubspot-request-timestamp': timestamp,
      },
      body,
    })
    expect(redelivered.status).toBe(200)
    const again = await ctx.database.db.select().from(webhookInbox).where(eq(webhookInbox.portalId, portal.portalId))
    expect(again).toHaveLength(2)

    const run = await processWebhookInbox(ctx.deps)
    expect(run).toMatchObject({ claimed: 2, applied: 2, unknownPortal: 0, retried: 0 })
    for (const agent of [first, second]) {
      const [ticket] = await ctx.database.db
        .select()
        .from(crmTickets)
        .where(and(eq(crmTickets.workspaceId, agent.workspaceId), eq(crmTickets.hubspotId, target!.hubspotId)))
      expect(ticket?.subject).toBe(subject)
    }
  })

  it('lets only the first workspace write scores back, and hands it on when that one disconnects', async () => {
    const portal = ctx.sim.portals[0]!
    const [first, second] = await twoWorkspacesOn(portal.portalId)
    const firstRow = await ctx.requireIntegrationRow(first.workspaceId)
    const secondRow = await ctx.requireIntegrationRow(second.workspaceId)
    expect(await pushScores(ctx.deps, firstRow)).toEqual({ status: 'pushed', companies: 0 })
    expect(await pushScores(ctx.deps, secondRow)).toEqual({
      status: 'held_elsewhere',
      holderWorkspaceId: first.workspaceId,
    })
    const secondView = await second.call(hubspotApi.getIntegration)
    expect(secondView.ok && secondView.body.integration?.writeBackHeldElsewhere).toBe(true)
    const firstView = await first.call(hubspotApi.getIntegration)
    expect(firstView.ok && firstView.body.integration?.writeBackHeldElsewhere).toBe(false)

    expect((await first.call(hubspotApi.disconnect)).ok).toBe(true)
    expect(await pushScores(ctx.deps, await ctx.requireIntegrationRow(second.workspaceId))).toEqual({
      status: 'pushed',
      companies: 0,
    })
    const after = await second.call(hubspotApi.getIntegration)
    expect(after.ok && after.body.integration?.writeBackHeldElsewhere).toBe(false)
  })

  it("revokes only the disconnecting workspace's grant: the other keeps syncing", async () => {
    const portal = ctx.sim.portals[1]!
    const [leaving, staying] = await twoWorkspacesOn(portal.portalId)
    const leavingToken = await refreshTokenOf(leaving)
    const stayingToken = await refreshTokenOf(staying)
    expect(leavingToken).not.toBe(stayingToken)

    expect((await leaving.call(hubspotApi.disconnect)).ok).toBe(true)
    expect(await aliveAtHubspot(leavingToken)).toBe(false)
    expect(await aliveAtHubspot(stayingToken)).toBe(true)

    // Past the access token's life, so the staying workspace must refresh with its own grant.
    ctx.clock.advance(31 * 60_000)
    const details = await staying.call(hubspotApi.getPortalDetails)
    expect(details.ok && details.body.portal.portalId).toBe(portal.portalId)
    const sync = await runSync(ctx.deps, (await ctx.requireIntegrationRow(staying.workspaceId)).id)
    expect(sync).toMatchObject({ status: 'done', failures: [] })
    expect(await ctx.requireIntegrationRow(staying.workspaceId)).toMatchObject({ status: 'connected' })
  })

  it('moves every workspace on the portal to needs_reauth when the app is uninstalled from it', async () => {
    const portal = ctx.sim.portals[2]!
    const [first, second] = await twoWorkspacesOn(portal.portalId)
    expect(ctx.sim.control.revokeInstall(portal.portalId)).toBe(true)
    ctx.clock.advance(31 * 60_000)

    const firstRow = await ctx.requireIntegrationRow(first.workspaceId)
    expect(await ctx.deps.tokens.ensureValidToken(firstRow.id)).toEqual({ ok: false, error: 'needs_reauth' })
    for (const agent of [first, second]) {
      const row = await ctx.requireIntegrationRow(agent.workspaceId)
      expect(row).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'app_uninstalled' })
      const view = await agent.call(hubspotApi.getIntegration)
      expect(view.ok && view.body.integration?.lastErrorCode).toBe('app_uninstalled')
    }
    const secondEvents = await ctx.database.db
      .select()
      .from(integrationEvents)
      .where(eq(integrationEvents.workspaceId, second.workspaceId))
    expect(secondEvents.find((e) => e.type === 'needs_reauth')).toMatchObject({ errorCode: 'app_uninstalled' })
  })
})
