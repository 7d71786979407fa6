import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnScores, crmCompanies, crmTickets, syncState, webhookInbox } from '../src/db/schema'
import { rescoreCompanies } from '../src/churn/rescore-companies'
import { createTokenKeeper } from '../src/integrations/hubspot/tokens/token-keeper'
import { runSync } from '../src/sync/run-sync'
import { INBOX_CLAIM_LEASE_MS, processWebhookInbox } from '../src/webhooks/process-webhook-inbox'
import type { TestContext } from './test-context'
import { REDIRECT_URI, SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
/** Once set, CRM reads never answer: the run stalls where it stands, as a killed process would. */
let frozen = false
/** The workspace whose import freezes once half of its tickets are stored. */
let freezeAtHalf: string | null = null
/** Requests to paths containing this never answer (one step of a run "killed"). */
let freezePath: string | null = null
let frozenCalls = 0
const never = new Promise<Response>(() => {})

beforeAll(async () => {
  ctx = await createTestContext({
    fetch: (sim) => async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (freezeAtHalf && url.includes('/tickets') && (await ticketProgress(freezeAtHalf)) >= 0.5) frozen = true
      if (frozen && url.includes('/crm/v3/')) return never
      if (freezePath && url.includes(freezePath)) {
        frozenCalls++
        return never
      }
      return sim.fetch(input, init)
    },
  })
})
afterAll(async () => {
  await ctx.close()
})

async function ticketProgress(workspaceId: string) {
  const [row] = await ctx.database.db
    .select({ done: syncState.recordsDone, total: syncState.estimatedTotal })
    .from(syncState)
    .where(and(eq(syncState.workspaceId, workspaceId), eq(syncState.objectType, 'tickets')))
  return row && row.total ? row.done / row.total : 0
}

async function unscored(workspaceId: string) {
  const live = await ctx.database.db
    .select({ id: crmCompanies.hubspotId })
    .from(crmCompanies)
    .where(and(eq(crmCompanies.workspaceId, workspaceId), eq(crmCompanies.archived, false)))
  const scored = new Set(
    (
      await ctx.database.db
        .select({ id: churnScores.companyId })
        .from(churnScores)
        .where(eq(churnScores.workspaceId, workspaceId))
    ).map((s) => s.id),
  )
  return { live: live.length, unscored: live.filter((c) => !scored.has(c.id)).map((c) => c.id) }
}

describe('crash recovery', () => {
  it('an import that died midway, then webhook events, then the resumed import: every company ends scored', async () => {
    const portal = ctx.sim.portals[2]!
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    const integrationId = String(connected.body.integration?.id)

    // The first import stalls for good past half of the tickets (its process "killed").
    freezeAtHalf = agent.workspaceId
    void runSync(ctx.deps, integrationId)
    for (let i = 0; i < 2000 && !frozen; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    await new Promise((resolve) => setTimeout(resolve, 100)) // pages already fetched are committed
    freezeAtHalf = null
    frozen = false
    const atCrash = await ticketProgress(agent.workspaceId)
    expect(atCrash).toBeGreaterThanOrEqual(0.5)
    expect(atCrash).toBeLessThan(1)
    expect((await ctx.database.db.select({ n: count() }).from(churnScores))[0]!.n).toBe(0)

    // While it was down a ticket changed in HubSpot; the webhook retry lands before the import resumes.
    ctx.sim.webhooks.configure(ctx.sim.apps[0]!.appId, {
      targetUrl: new URL('/api/v1/webhooks/hubspot', REDIRECT_URI).toString(),
      subscriptions: [{ eventType: 'ticket.propertyChange', propertyName: 'subject', active: true }],
    })
    const [stored] = await ctx.database.db
      .select()
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
      .orderBy(desc(crmTickets.hsCreatedAt))
      .limit(1)
    ctx.clock.advance(60_000)
    expect(
      ctx.sim.control.updateRecord(portal.portalId, 'tickets', String(stored!.hubspotId), { subject: 'We may cancel' })
        .ok,
    ).toBe(true)
    await ctx.sim.webhooks.flush()
    expect((await processWebhookInbox(ctx.deps)).applied).toBeGreaterThan(0)
    const early = await unscored(agent.workspaceId)
    expect(early.unscored.length).toBeLessThan(early.live) // the webhook scored some companies already

    ctx.clock.advance(60_000)
    const resumed = await runSync(ctx.deps, integrationId)
    expect(resumed).toMatchObject({ status: 'done', failures: [] })
    const stats = ctx.sim.control.crmStats(portal.portalId)!
    const after = await unscored(agent.workspaceId)
    expect(after).toEqual({ live: stats.companies, unscored: [] })
  })

  it('a scoring pass killed midway (some companies scored from newer rows, some not): the next pass completes it', async () => {
    const portal = ctx.sim.portals[1]!
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    const integrationId = String(connected.body.integration?.id)
    await runSync(ctx.deps, integrationId)
    const companies = await ctx.database.db
      .select({ id: crmCompanies.hubspotId })
      .from(crmCompanies)
      .where(eq(crmCompanies.workspaceId, agent.workspaceId))
    const ids = companies.map((c) => c.id).sort((a, b) => a - b)
    // What a pass leaves when killed: its first chunks committed, the rest scored from older rows or not at all.
    ctx.clock.advance(60_000)
    await ctx.database.db
      .update(crmTickets)
      .set({ syncedAt: ctx.clock.now() })
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
    ctx.clock.advance(1_000)
    const half = ids.slice(0, Math.floor(ids.length / 2))
    await rescoreCompanies(ctx.deps.db, agent.workspaceId, half, ctx.clock.now())
    const rest = ids.slice(half.length)
    await ctx.database.db
      .delete(churnScores)
      .where(and(eq(churnScores.workspaceId, agent.workspaceId), inArray(churnScores.companyId, rest.slice(0, 3))))

    ctx.clock.advance(60_000)
    const next = await runSync(ctx.deps, integrationId)
    expect(next).toMatchObject({ status: 'done', failures: [] })
    const scores = await ctx.database.db
      .select({ id: churnScores.companyId, at: churnScores.computedAt })
      .from(churnScores)
      .where(eq(churnScores.workspaceId, agent.workspaceId))
    expect(scores.map((s) => s.id).sort((a, b) => a - b)).toEqual(ids)
    const rescoredNow = new Set(scores.filter((s) => s.at.getTime() === ctx.clock.now().getTime()).map((s) => s.id))
    // A company without tickets kept a score that nothing made stale.
    const withTickets = new Set(
      (
        await ctx.database.db
          .selectDistinct({ id: crmTickets.companyId })
          .from(crmTickets)
          .where(eq(crmTickets.workspaceId, agent.workspaceId))
      ).map((t) => t.id),
    )
    const stale = rest.filter((id, i) => i < 3 || withTickets.has(id))
    expect(stale.length).toBeGreaterThan(10)
    expect(stale.filter((id) => !rescoredNow.has(id))).toEqual([])
    expect(half.every((id) => rescoredNow.has(id))).toBe(false) // fresh scores are left alone
  })

  it('a webhook batch half applied when the backend died: claimed again after its lease, nothing lost, nothing doubled', async () => {
    const portal = ctx.sim.portals[0]!
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    await runSync(ctx.deps, String(connected.body.integration?.id))
    ctx.sim.webhooks.configure(ctx.sim.apps[0]!.appId, {
      targetUrl: new URL('/api/v1/webhooks/hubspot', REDIRECT_URI).toString(),
      subscriptions: [
        { eventType: 'ticket.propertyChange', propertyName: 'subject', active: true },
        { eventType: 'company.propertyChange', propertyName: 'name', active: true },
      ],
    })
    const [someTicket] = await ctx.database.db
      .select()
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
      .limit(1)
    const [someCompany] = await ctx.database.db
      .select()
      .from(crmCompanies)
      .where(eq(crmCompanies.workspaceId, agent.workspaceId))
      .limit(1)
    ctx.clock.advance(60_000)
    const ticketId = String(someTicket!.hubspotId)
    const companyId = String(someCompany!.hubspotId)
    expect(ctx.sim.control.updateRecord(portal.portalId, 'tickets', ticketId, { subject: 'Renewal at risk' }).ok).toBe(
      true,
    )
    expect(ctx.sim.control.updateRecord(portal.portalId, 'companies', companyId, { name: 'Renamed Ltd' }).ok).toBe(true)
    await ctx.sim.webhooks.flush()
    const inboxRows = () =>
      ctx.database.db
        .select({ id: webhookInbox.id, outcome: webhookInbox.outcome })
        .from(webhookInbox)
        .where(eq(webhookInbox.portalId, portal.portalId))
    expect((await inboxRows()).length).toBe(2)

    // Tickets are applied first; the process dies reading the companies back.
    freezePath = '/objects/companies/batch/read'
    void processWebhookInbox(ctx.deps)
    await expect
      .poll(async () => (await ticketRow(agent.workspaceId, ticketId))?.subject, { timeout: 10_000, interval: 20 })
      .toBe('Renewal at risk')
    expect((await inboxRows()).map((r) => r.outcome)).toEqual(['processing', 'processing'])
    freezePath = null

    // Restarted at once: the claim still looks live, so nobody takes it twice.
    expect((await processWebhookInbox(ctx.deps)).claimed).toBe(0)
    // Once the lease has run out, the next run takes the batch again and completes it.
    ctx.clock.advance(INBOX_CLAIM_LEASE_MS + 1_000)
    expect(await processWebhookInbox(ctx.deps)).toMatchObject({ claimed: 2, applied: 2, retried: 0 })
    expect((await inboxRows()).map((r) => r.outcome)).toEqual(['applied', 'applied'])
    const [company] = await ctx.database.db
      .select()
      .from(crmCompanies)
      .where(and(eq(crmCompanies.workspaceId, agent.workspaceId), eq(crmCompanies.hubspotId, Number(companyId))))
    expect(company!.name).toBe('Renamed Ltd')
    expect((await ticketRow(agent.workspaceId, ticketId))!.subject).toBe('Renewal at risk')
    const [tickets] = await ctx.database.db
      .select({ n: count() })
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
    expect(tickets!.n).toBe(ctx.sim.control.crmStats(portal.portalId)!.tickets)
    // The company of the changed ticket is scored from the ticket as it now stands.
    const [score] = await ctx.database.db
      .select()
      .from(churnScores)
      .where(and(eq(churnScores.workspaceId, agent.workspaceId), eq(churnScores.companyId, someTicket!.companyId!)))
    expect(score!.computedAt.getTime()).toBe(ctx.clock.now().getTime())
    // HubSpot delivering the same events again changes nothing.
    expect((await processWebhookInbox(ctx.deps)).claimed).toBe(0)
  })

  it.each([
    ['the same refresh token', false],
    ['a new refresh token (rotated)', true],
  ])(
    'killed mid token refresh after HubSpot answered with %s: the next start still has a working grant',
    async (_, rotate) => {
      ctx.sim.control.updateSettings({ rotateRefreshTokens: rotate })
      try {
        const agent = await ctx.signedUpAgent()
        await ctx.connect(agent, ctx.sim.portals[0]!.portalId)
        const { id } = await ctx.requireIntegrationRow(agent.workspaceId)
        ctx.clock.advance(31 * 60_000) // the access token has expired
        // HubSpot answers the refresh; the process dies before the next step (reading the scopes).
        freezePath = '/token/introspect'
        const calls = frozenCalls
        void createTokenKeeper(ctx.deps).ensureValidToken(id)
        await expect.poll(() => frozenCalls, { timeout: 10_000, interval: 10 }).toBeGreaterThan(calls)
        // On Postgres a dead process's open transaction is rolled back when its connection goes.
        if (ctx.database.kind === 'postgres')
          await ctx.database.db.execute(
            sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()`,
          )
        freezePath = null

        const restarted = createTokenKeeper(ctx.deps)
        const credential = await restarted.ensureValidToken(id)
        expect(credential.ok).toBe(true)
        const call = await ctx.sim.fetch(`${SIMULATOR_URL}/crm/v3/objects/companies?limit=1`, {
          headers: { authorization: `Bearer ${credential.ok ? credential.value.token : ''}` },
        })
        expect(call.status).toBe(200)
        // Later refreshes work too: the stored refresh token is the one HubSpot holds.
        ctx.clock.advance(31 * 60_000)
        const later = await restarted.ensureValidToken(id)
        expect(later.ok && later.value.version).toBeGreaterThan(credential.ok ? credential.value.version : 0)
        expect((await ctx.requireIntegrationRow(agent.workspaceId)).status).toBe('connected')
      } finally {
        ctx.sim.control.updateSettings({ rotateRefreshTokens: false })
      }
    },
  )
})

async function ticketRow(workspaceId: string, id: string) {
  const [row] = await ctx.database.db
    .select()
    .from(crmTickets)
    .where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.hubspotId, Number(id))))
  return row ?? null
}
