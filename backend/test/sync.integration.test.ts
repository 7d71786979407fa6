import { and, count, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crmCompanies, crmContacts, crmTickets, syncState } from '../src/db/schema'
import { findHubspotIntegration } from '../src/integrations/hubspot/find-integration'
import { runSync } from '../src/sync/run-sync'
import { primaryCompanyOf } from './primary-company'
import type { TestContext } from './test-context'
import { SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

type Agent = Awaited<ReturnType<TestContext['signedUpAgent']>>
const MINUTE = 60_000

async function connectedTo(portalId: number): Promise<{ agent: Agent; integrationId: string }> {
  const agent = await ctx.signedUpAgent()
  const res = await ctx.connect(agent, portalId)
  if (res.status !== 200) throw new Error(`connect failed: ${JSON.stringify(res.body)}`)
  return { agent, integrationId: String(res.body.integration?.id) }
}

async function counts(workspaceId: string) {
  const n = async (table: typeof crmCompanies | typeof crmContacts | typeof crmTickets) =>
    (
      await ctx.database.db
        .select({ n: count() })
        .from(table)
        .where(and(eq(table.workspaceId, workspaceId), eq(table.archived, false)))
    )[0]!.n
  return { companies: await n(crmCompanies), contacts: await n(crmContacts), tickets: await n(crmTickets) }
}

async function ticket(workspaceId: string, id: string) {
  const [row] = await ctx.database.db
    .select()
    .from(crmTickets)
    .where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.hubspotId, Number(id))))
  return row ?? null
}

describe('sync', () => {
  it('the first connect asks for a sync; a full pass imports every record with its company, then scores', async () => {
    const portal = ctx.sim.portals[2]!
    const { agent, integrationId } = await connectedTo(portal.portalId)
    expect(ctx.syncRequests).toContainEqual({ integrationId, reason: 'connected' })
    const outcome = await runSync(ctx.deps, integrationId)
    expect(outcome).toMatchObject({ status: 'done', failures: [] })
    const stats = ctx.sim.control.crmStats(portal.portalId)!
    expect(await counts(agent.workspaceId)).toEqual({
      companies: stats.companies,
      contacts: stats.contacts,
      tickets: stats.tickets,
    })
    const [orphans] = await ctx.database.db
      .select({ n: count() })
      .from(crmTickets)
      .where(and(eq(crmTickets.workspaceId, agent.workspaceId), eq(crmTickets.companyId, 0)))
    expect(orphans!.n).toBe(0)
    const progress = await agent.json<{
      sync: { phase: string; percent: number; recordsDone: number; estimatedTotal: number }
    }>('/api/v1/integrations/hubspot/sync')
    expect(progress.body.sync).toMatchObject({ phase: 'up_to_date', percent: 100 })
    expect(progress.body.sync.recordsDone).toBe(stats.companies + stats.contacts + stats.tickets)
    expect(outcome.status === 'done' && outcome.scored).toBe(stats.companies)
  })

  it('incremental passes pick up edits, new records, deletions and merges, and stay idempotent', async () => {
    const portal = ctx.sim.portals[1]!
    const { agent, integrationId } = await connectedTo(portal.portalId)
    await runSync(ctx.deps, integrationId)
    const before = await counts(agent.workspaceId)
    const [someTicket, otherTicket] = await ctx.database.db
      .select()
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
      .limit(2)
    const companyId = String(someTicket!.companyId)

    ctx.clock.advance(MINUTE)
    const edited = ctx.sim.control.updateRecord(portal.portalId, 'tickets', String(someTicket!.hubspotId), {
      subject: 'We are going to cancel',
      hs_ticket_priority: 'URGENT',
    })
    expect(edited.ok).toBe(true)
    const created = ctx.sim.control.createRecord(portal.portalId, 'tickets', {
      properties: { subject: 'Brand new problem', hs_pipeline_stage: '1' },
      associations: [{ toType: 'companies', toId: companyId, primary: true }],
    })
    if (!created.ok) throw new Error('create failed')
    ctx.sim.control.archiveRecord(portal.portalId, 'tickets', String(otherTicket!.hubspotId))
    ctx.clock.advance(MINUTE)

    await runSync(ctx.deps, integrationId)
    expect(await ticket(agent.workspaceId, String(someTicket!.hubspotId))).toMatchObject({
      subject: 'We are going to cancel',
      priority: 'URGENT',
    })
    expect(await ticket(agent.workspaceId, created.value.id)).toMatchObject({
      subject: 'Brand new problem',
      companyId: Number(companyId),
    })
    expect(await ticket(agent.workspaceId, String(otherTicket!.hubspotId))).toMatchObject({ archived: true })
    expect(await counts(agent.workspaceId)).toEqual({ ...before, tickets: before.tickets })

    // A second pass with nothing new changes nothing.
    const snapshot = await counts(agent.workspaceId)
    await runSync(ctx.deps, integrationId)
    expect(await counts(agent.workspaceId)).toEqual(snapshot)

    // Merged companies: the loser is archived and its tickets follow the survivor.
    const [a, b] = await ctx.database.db
      .select()
      .from(crmCompanies)
      .where(eq(crmCompanies.workspaceId, agent.workspaceId))
      .limit(2)
    const merged = ctx.sim.control.mergeRecords(
      portal.portalId,
      'companies',
      String(a!.hubspotId),
      String(b!.hubspotId),
    )
    expect(merged.ok).toBe(true)
    ctx.clock.advance(MINUTE)
    await runSync(ctx.deps, integrationId)
    const survivor = merged.ok ? Number(merged.value.id) : 0
    const loser = [a!.hubspotId, b!.hubspotId].find((id) => id !== survivor)!
    const [loserRow] = await ctx.database.db
      .select()
      .from(crmCompanies)
      .where(and(eq(crmCompanies.workspaceId, agent.workspaceId), eq(crmCompanies.hubspotId, loser)))
    expect(loserRow).toMatchObject({ archived: true, mergedInto: survivor })
    const [stray] = await ctx.database.db
      .select({ n: count() })
      .from(crmTickets)
      .where(and(eq(crmTickets.workspaceId, agent.workspaceId), eq(crmTickets.companyId, loser)))
    expect(stray!.n).toBe(0)
  })

  it('incremental passes lose nothing while search lags behind writes, out of order', async () => {
    const portal = ctx.sim.control.createPortal({ companies: 10, tickets: 120, seed: 'search-lag' })
    const { agent, integrationId } = await connectedTo(portal.portalId)
    await runSync(ctx.deps, integrationId)
    const rows = await ctx.database.db
      .select({ id: crmTickets.hubspotId })
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
      .limit(40)
    // Each write reaches search up to 90 s later, each after its own delay: a later edit can show first.
    ctx.sim.control.updateSettings({ searchIndexLagMs: 90_000 })
    try {
      const subjectOf = async (id: number) => (await ticket(agent.workspaceId, String(id)))?.subject
      let sawLaterBeforeEarlier = false
      for (const [index, row] of rows.entries()) {
        ctx.clock.advance(3_000)
        expect(
          ctx.sim.control.updateRecord(portal.portalId, 'tickets', String(row.id), { subject: `edit ${index}` }).ok,
        ).toBe(true)
        // A pass every 30 s of HubSpot time, while edits keep arriving.
        if (index % 10 === 9) {
          await runSync(ctx.deps, integrationId)
          const seen = await Promise.all(
            rows.slice(0, index + 1).map(async (r, i) => (await subjectOf(r.id)) === `edit ${i}`),
          )
          if (seen.some((ok, i) => ok && seen.slice(0, i).includes(false))) sawLaterBeforeEarlier = true
        }
      }
      expect(sawLaterBeforeEarlier).toBe(true)
      // Once the index has caught up, the next pass has every edit.
      ctx.clock.advance(2 * MINUTE)
      await runSync(ctx.deps, integrationId)
      for (const [index, row] of rows.entries()) expect(await subjectOf(row.id)).toBe(`edit ${index}`)
    } finally {
      ctx.sim.control.updateSettings({ searchIndexLagMs: 0 })
    }
  })

  it('an interrupted full sync resumes from its checkpoint with no duplicate and no gap', async () => {
    const big = ctx.sim.control.createPortal({ companies: 60, tickets: 3000, seed: 'resume' })
    const { agent, integrationId } = await connectedTo(big.portalId)
    // HubSpot starts failing partway through the ticket import, for longer than the client retries.
    const searches = () =>
      ctx.sim.control.requestLog().filter((r) => r.path === '/crm/v3/objects/tickets/search').length
    const startedAt = searches()
    ctx.sim.control.failNext({ pathPrefix: '/crm/v3/objects/tickets/search', status: 200, count: 4 }) // let four searches through…
    ctx.sim.control.failNext({ pathPrefix: '/crm/v3/objects/tickets/search', status: 503, count: 40 }) // …then an outage
    const first = await runSync(ctx.deps, integrationId)
    expect(first.status === 'done' && first.failures.map((f) => f.type)).toEqual(['tickets'])
    expect(searches() - startedAt).toBeGreaterThan(4)
    const [partial] = await ctx.database.db
      .select()
      .from(syncState)
      .where(and(eq(syncState.workspaceId, agent.workspaceId), eq(syncState.objectType, 'tickets')))
    expect(partial).toMatchObject({ phase: 'full', lastErrorCode: 'hubspot_unavailable' })
    const partialCount = (await counts(agent.workspaceId)).tickets
    expect(partialCount).toBeGreaterThan(0)
    expect(partialCount).toBeLessThan(3000)
    expect(partial!.recordsDone).toBe(partialCount)

    // HubSpot is back; resume.
    ctx.sim.control.clearFaults()
    const second = await runSync(ctx.deps, integrationId)
    expect(second).toMatchObject({ status: 'done', failures: [] })
    expect((await counts(agent.workspaceId)).tickets).toBe(3000)
    const [finished] = await ctx.database.db
      .select()
      .from(syncState)
      .where(and(eq(syncState.workspaceId, agent.workspaceId), eq(syncState.objectType, 'tickets')))
    expect(finished).toMatchObject({ phase: 'incremental', recordsDone: 3000 })
  })

  it('tickets with no company in the association lane are found by searching its range', async () => {
    const portal = ctx.sim.control.createPortal({ companies: 40, tickets: 6000, seed: 'orphans' })
    const lowest = ['30000000001', '30000000002', '30000000003']
    for (const id of lowest) {
      const links = await ctx.sim.fetch(`${SIMULATOR_URL}/crm/v4/objects/tickets/${id}/associations/companies`, {
        headers: { authorization: `Bearer ${portal.privateAppToken}` },
      })
      for (const link of ((await links.json()) as { results: { toObjectId: number }[] }).results)
        ctx.sim.control.setAssociation(portal.portalId, {
          fromType: 'tickets',
          fromId: id,
          toType: 'companies',
          toId: String(link.toObjectId),
          remove: true,
        })
    }
    const { agent, integrationId } = await connectedTo(portal.portalId)
    const outcome = await runSync(ctx.deps, integrationId)
    expect(outcome).toMatchObject({ status: 'done', failures: [] })
    expect((await counts(agent.workspaceId)).tickets).toBe(6000)
    for (const id of lowest) expect(await ticket(agent.workspaceId, id)).toMatchObject({ companyId: null })
  }, 120_000)

  it("a large import's search lanes leave links to the association lane's walk, and its end asks v4 only for the rest", async () => {
    const portal = ctx.sim.control.createPortal({ companies: 40, tickets: 6000, seed: 'walk' })
    const { agent, integrationId } = await connectedTo(portal.portalId)
    const before = ctx.sim.control.requestLog().length
    expect(await runSync(ctx.deps, integrationId)).toMatchObject({ status: 'done', failures: [] })
    const log = ctx.sim.control.requestLog().slice(before)
    const searchPages = log.filter((r) => r.path === '/crm/v3/objects/tickets/search').length
    const linkReads = log.filter((r) => r.path === '/crm/v4/associations/tickets/companies/batch/read')
    expect(searchPages).toBeGreaterThan(10)
    // The walk saw every ticket that has a company: only the company-less ones are asked about, 1,000 a read.
    const [unlinked] = await ctx.database.db
      .select({ n: count() })
      .from(crmTickets)
      .where(and(eq(crmTickets.workspaceId, agent.workspaceId), isNull(crmTickets.companyId)))
    expect(linkReads.length).toBeLessThanOrEqual(Math.ceil((unlinked?.n ?? 0) / 1000) + 1)
    expect(linkReads.every((r) => r.status < 400)).toBe(true)
    // Every ticket still has HubSpot's primary company.
    const rows = await ctx.database.db
      .select({ id: crmTickets.hubspotId, companyId: crmTickets.companyId })
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
    expect(rows).toHaveLength(6000)
    for (const row of rows.filter((_, i) => i % 97 === 0))
      expect(row.companyId).toBe(await primaryCompanyOf(ctx, portal.privateAppToken, row.id))
  }, 120_000)

  it('a large import lists its companies once: the walk follows the companies import, and lists them itself on a resume', async () => {
    const listings = (from: number) =>
      ctx.sim.control
        .requestLog()
        .slice(from)
        .filter((r) => r.method === 'GET' && r.path === '/crm/v3/objects/companies').length
    const portal = ctx.sim.control.createPortal({ companies: 240, tickets: 6000, seed: 'feed' })
    const { agent, integrationId } = await connectedTo(portal.portalId)
    const before = ctx.sim.control.requestLog().length
    expect(await runSync(ctx.deps, integrationId)).toMatchObject({ status: 'done', failures: [] })
    expect(listings(before)).toBe(4) // 240 companies, 100 a page, and one listing of the archived ones
    expect((await counts(agent.workspaceId)).tickets).toBe(6000)

    // The walk's second association read fails for longer than the client retries: the companies finish, the tickets
    // do not. On the resume there is no companies import left to follow, so the walk lists from its own cursor.
    const other = ctx.sim.control.createPortal({ companies: 240, tickets: 6000, seed: 'feed-resume' })
    const resumed = await connectedTo(other.portalId)
    const associationReads = '/crm/v4/associations/companies/tickets/batch/read'
    ctx.sim.control.failNext({ pathPrefix: associationReads, status: 200, count: 1 })
    ctx.sim.control.failNext({ pathPrefix: associationReads, status: 503, count: 40 })
    const first = await runSync(ctx.deps, resumed.integrationId)
    expect(first.status === 'done' && first.failures.map((f) => f.type)).toEqual(['tickets'])
    ctx.sim.control.clearFaults()
    const resumedFrom = ctx.sim.control.requestLog().length
    expect(await runSync(ctx.deps, resumed.integrationId)).toMatchObject({ status: 'done', failures: [] })
    expect(listings(resumedFrom)).toBeGreaterThanOrEqual(3) // at least two pages, and the archived ones
    expect((await counts(resumed.agent.workspaceId)).tickets).toBe(6000)
    // A walk that resumed mid-list has not seen every ticket: it takes nothing from the search lanes.
    const [state] = await ctx.database.db
      .select()
      .from(syncState)
      .where(and(eq(syncState.workspaceId, resumed.agent.workspaceId), eq(syncState.objectType, 'tickets')))
    expect(state!.lanes).toHaveLength(5)
    const rows = await ctx.database.db
      .select({ id: crmTickets.hubspotId, companyId: crmTickets.companyId })
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, resumed.agent.workspaceId))
    for (const row of rows.filter((_, i) => i % 199 === 0))
      expect(row.companyId).toBe(await primaryCompanyOf(ctx, other.privateAppToken, row.id))
  }, 180_000)

  it('an association lane that finishes first takes the top of the search lanes and batch-reads it', async () => {
    const portal = ctx.sim.control.createPortal({ companies: 40, tickets: 10_000, seed: 'help' })
    const { agent, integrationId } = await connectedTo(portal.portalId)
    // A slow search: the association lane, on the 10-second budget, ends well before the search lanes.
    ctx.sim.control.failNext({ pathPrefix: '/crm/v3/objects/tickets/search', status: 200, count: 100, delayMs: 1000 })
    expect(await runSync(ctx.deps, integrationId)).toMatchObject({ status: 'done', failures: [] })
    ctx.sim.control.clearFaults()
    const [state] = await ctx.database.db
      .select()
      .from(syncState)
      .where(and(eq(syncState.workspaceId, agent.workspaceId), eq(syncState.objectType, 'tickets')))
    // Planned: the association lane and four search lanes; every range taken from them is a lane of its own, done.
    expect(state!.lanes.length).toBeGreaterThan(5)
    expect(state!.lanes.every((lane) => lane.done)).toBe(true)
    const ranges = state!.lanes.map((lane) => [lane.from, lane.to] as const).sort((a, b) => a[0] - b[0])
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]) // no gap, no overlap
    expect((await counts(agent.workspaceId)).tickets).toBe(10_000)
    expect(state!.recordsDone).toBeGreaterThanOrEqual(10_000)
    const rows = await ctx.database.db
      .select({ id: crmTickets.hubspotId, companyId: crmTickets.companyId })
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, agent.workspaceId))
    for (const row of rows.filter((_, i) => i % 97 === 0))
      expect(row.companyId).toBe(await primaryCompanyOf(ctx, portal.privateAppToken, row.id))
  }, 180_000)

  it("incremental search re-windows before HubSpot's 10,000-result cap", async () => {
    const large = ctx.sim.control.createPortal({ companies: 100, tickets: 12_000, seed: 'windowing' })
    const { agent, integrationId } = await connectedTo(large.portalId)
    const fullStart = ctx.sim.control.requestLog().length
    await runSync(ctx.deps, integrationId)
    // A large first import reads the low end of the ticket ids through company→ticket associations and batch
    // reads, beside search's lanes, and searches that range only to count it.
    const fullLog = ctx.sim.control.requestLog().slice(fullStart)
    expect(fullLog.some((r) => r.path === '/crm/v4/associations/companies/tickets/batch/read')).toBe(true)
    expect(fullLog.filter((r) => r.path === '/crm/v3/objects/tickets/batch/read').length).toBeGreaterThan(30)
    expect(fullLog.every((r) => r.status < 400)).toBe(true)
    expect((await counts(agent.workspaceId)).tickets).toBe(12_000)
    // Force the next incremental pass to cover everything: more than search can page through at once.
    await ctx.database.db
      .update(syncState)
      .set({ highWaterMark: new Date(0) })
      .where(and(eq(syncState.workspaceId, agent.workspaceId), eq(syncState.objectType, 'tickets')))
    const logBefore = ctx.sim.control.requestLog().length
    const outcome = await runSync(ctx.deps, integrationId)
    expect(outcome).toMatchObject({ status: 'done', failures: [] })
    const searches = ctx.sim.control
      .requestLog()
      .slice(logBefore)
      .filter((r) => r.path === '/crm/v3/objects/tickets/search')
    expect(searches.every((r) => r.status === 200)).toBe(true)
    expect(searches.length).toBeGreaterThanOrEqual(60)
    expect((await counts(agent.workspaceId)).tickets).toBe(12_000)
  }, 120_000)

  it('a rate limit is waited out, never a failed sync', async () => {
    const portal = ctx.sim.portals[2]!
    const { agent, integrationId } = await connectedTo(portal.portalId)
    ctx.sim.control.failNext({ pathPrefix: '/crm/v3/objects/tickets/search', status: 429, count: 3 })
    ctx.sim.control.failNext({ pathPrefix: '/crm/v4/associations', status: 429, count: 3 })
    ctx.sim.control.failNext({ pathPrefix: '/crm/v3/objects/companies/search', status: 502, count: 2 })
    const outcome = await runSync(ctx.deps, integrationId)
    expect(outcome).toMatchObject({ status: 'done', failures: [] })
    const stats = ctx.sim.control.crmStats(portal.portalId)!
    expect((await counts(agent.workspaceId)).tickets).toBe(stats.tickets)
    expect(ctx.sim.control.requestLog().filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(6)
    const integration = await findHubspotIntegration(ctx.database.db, agent.workspaceId)
    expect(integration?.status).toBe('connected')
  })
})
