import { alertsApi, churnApi, companiesApi, DEALS_READ_SCOPE, revenueApi } from '@churnlens/contracts'
import type { RevenueSettings } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { raiseAlerts } from '../src/alerts/raise-alerts'
import { bandOf } from '../src/churn/score-company'
import { writeHistoryPoints, writeScoreRows } from '../src/churn/write-score-rows'
import { alertDeliveries, crmCompanies, integrations, revenueSettings, workspaceEvents } from '../src/db/schema'
import { recomputeCompanyValues } from '../src/revenue/recompute-company-values'
import { runSync } from '../src/sync/run-sync'
import type { TestContext } from './test-context'
import { SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
type Agent = Awaited<ReturnType<TestContext['signedUpAgent']>>
let owner: Agent
let portalId: number
let token: string
let integrationId: string
const DAY = 86_400_000

interface SimRecord {
  id: string
  properties: Record<string, string | null>
  associations?: Record<string, { results: { id: string }[] }>
}

/** Every record of a type as HubSpot (the simulator) holds it, through its public API. */
async function hubspotRecords(type: string, query: string): Promise<SimRecord[]> {
  const records: SimRecord[] = []
  let after = ''
  for (;;) {
    const answer = await ctx.sim.fetch(
      `${SIMULATOR_URL}/crm/v3/objects/${type}?limit=100&${query}${after ? `&after=${after}` : ''}`,
      { headers: { authorization: `Bearer ${token}` } },
    )
    const page = (await answer.json()) as { results: SimRecord[]; paging?: { next: { after: string } } }
    records.push(...page.results)
    if (!page.paging) return records
    after = page.paging.next.after
  }
}

async function stored() {
  const rows = await ctx.database.db
    .select({ id: crmCompanies.hubspotId, revenue: crmCompanies.revenue, renewalAt: crmCompanies.renewalAt })
    .from(crmCompanies)
    .where(eq(crmCompanies.workspaceId, owner.workspaceId))
  return new Map(rows.map((r) => [String(r.id), r]))
}

async function renewalsPipelineId(): Promise<string> {
  const options = await owner.call(revenueApi.options)
  if (!options.ok || options.body.deals.status !== 'available') throw new Error('deals not available')
  return options.body.deals.pipelines.find((p) => p.label === 'Renewals')!.id
}

/** Saves as an owner would, then runs the background job the save queued. */
async function choose(settings: RevenueSettings) {
  ctx.syncRequests.length = 0
  const saved = await owner.call(revenueApi.save, { body: settings })
  expect(saved).toMatchObject({ ok: true, status: 202, body: { settings, recompute: { status: 'pending' } } })
  expect(ctx.syncRequests).toContainEqual({ integrationId: owner.workspaceId, reason: 'company-values' })
  expect(await recomputeCompanyValues(ctx.deps, owner.workspaceId)).toEqual({ status: 'ready' })
  return saved
}

beforeAll(async () => {
  ctx = await createTestContext()
  const portal = ctx.sim.control.createPortal({
    companies: 30,
    tickets: 200,
    seed: 'revenue-sources',
    // The test reads HubSpot's own copy with the portal's private app, deals included.
    privateAppScopes: ['tickets', 'crm.objects.companies.read', 'crm.objects.contacts.read', DEALS_READ_SCOPE],
  })
  portalId = portal.portalId
  token = portal.privateAppToken
  owner = await ctx.signedUpAgent()
  const connected = await ctx.connect(owner, portalId)
  if (connected.status !== 200) throw new Error(`connect failed: ${JSON.stringify(connected.body)}`)
  integrationId = String(connected.body.integration?.id)
  expect(await runSync(ctx.deps, integrationId)).toMatchObject({ status: 'done', failures: [] })
}, 120_000)
afterAll(async () => {
  await ctx.close()
})

describe('revenue and renewal sources', () => {
  it('starts from annualrevenue and no renewal; offers number and date properties and the deal pipelines', async () => {
    const view = await owner.call(revenueApi.get)
    expect(view.body).toMatchObject({
      settings: { revenue: { kind: 'property', property: 'annualrevenue' }, renewal: { kind: 'none' } },
      setAt: null,
      viewer: { canChange: true },
    })
    const options = await owner.call(revenueApi.options)
    expect(options.ok).toBe(true)
    if (!options.ok) return
    expect(options.body.numberProperties[0]).toEqual({ name: 'annualrevenue', label: 'Annual Revenue' })
    expect(options.body.numberProperties).toContainEqual({ name: 'arr', label: 'ARR' })
    expect(options.body.numberProperties.map((p) => p.name)).not.toContain('name')
    expect(options.body.dateProperties).toContainEqual({ name: 'renewal_date', label: 'Renewal date' })
    expect(options.body.deals).toMatchObject({ status: 'available' })

    const member = await ctx.memberOf(owner.workspaceId)
    expect((await member.call(revenueApi.get)).body).toMatchObject({ viewer: { canChange: false } })
    expect(await member.call(revenueApi.options)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    expect(
      await member.call(revenueApi.save, {
        body: { revenue: { kind: 'property', property: 'arr' }, renewal: { kind: 'none' } },
      }),
    ).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
  })

  it('refuses what the portal does not have, with a code that says why, and saves nothing', async () => {
    const none = { kind: 'none' } as const
    const cases: [RevenueSettings, string][] = [
      [{ revenue: { kind: 'property', property: 'no_such_property' }, renewal: none }, 'unknown_property'],
      [{ revenue: { kind: 'property', property: 'name' }, renewal: none }, 'not_a_number_property'],
      [
        { revenue: { kind: 'property', property: 'arr' }, renewal: { kind: 'property', property: 'arr' } },
        'not_a_date_property',
      ],
      [{ revenue: { kind: 'deals', pipelineId: '999999' }, renewal: none }, 'unknown_pipeline'],
      [
        { revenue: { kind: 'property', property: 'arr' }, renewal: { kind: 'deals', pipelineId: '999999' } },
        'unknown_pipeline',
      ],
    ]
    for (const [settings, code] of cases)
      expect(await owner.call(revenueApi.save, { body: settings })).toMatchObject({
        status: 400,
        body: { error: { code } },
      })
    expect(
      await owner.call(revenueApi.save, { body: { revenue: { kind: 'property', property: 'ARR!' }, renewal: none } }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } })

    // Without the deals scope, the deals sources are refused and the options say how to grant it.
    const [row] = await ctx.database.db.select().from(integrations).where(eq(integrations.id, integrationId))
    await ctx.database.db
      .update(integrations)
      .set({ grantedScopes: row!.grantedScopes.filter((s) => s !== DEALS_READ_SCOPE) })
      .where(eq(integrations.id, integrationId))
    const pipelineId = '1'
    expect(
      await owner.call(revenueApi.save, { body: { revenue: { kind: 'deals', pipelineId }, renewal: none } }),
    ).toMatchObject({ status: 409, body: { error: { code: 'deals_scope_missing' } } })
    expect((await owner.call(revenueApi.options)).body).toMatchObject({
      deals: { status: 'scope_missing', scope: DEALS_READ_SCOPE },
    })
    await ctx.database.db
      .update(integrations)
      .set({ grantedScopes: row!.grantedScopes })
      .where(eq(integrations.id, integrationId))
    expect(
      await ctx.database.db.select().from(revenueSettings).where(eq(revenueSettings.workspaceId, owner.workspaceId)),
    ).toEqual([])
  })

  it('a custom number and date property: every company as HubSpot has it, missing ones null, kept up by the sync', async () => {
    const saved = await choose({
      revenue: { kind: 'property', property: 'arr' },
      renewal: { kind: 'property', property: 'renewal_date' },
    })
    expect(saved.body).toMatchObject({ labels: { revenue: 'ARR (arr)', renewal: 'Renewal date (renewal_date)' } })
    const [audit] = await ctx.database.db
      .select()
      .from(workspaceEvents)
      .where(and(eq(workspaceEvents.workspaceId, owner.workspaceId), eq(workspaceEvents.type, 'revenue.settings_set')))
    expect(audit?.detail).toMatchObject({ settings: { revenue: { property: 'arr' } } })
    expect((await owner.call(revenueApi.get)).body).toMatchObject({ recompute: { status: 'ready', error: null } })

    const hubspot = await hubspotRecords('companies', 'properties=arr,renewal_date')
    const values = await stored()
    let missingArr = 0
    let missingRenewal = 0
    for (const company of hubspot) {
      const row = values.get(company.id)!
      const arr = company.properties.arr ?? null
      const renewal = company.properties.renewal_date ?? null
      expect(row.revenue).toBe(arr ? Number(arr) : null)
      expect(row.renewalAt?.toISOString() ?? null).toBe(renewal ? `${renewal}T00:00:00.000Z` : null)
      if (!arr) missingArr++
      if (!renewal) missingRenewal++
    }
    expect(missingArr).toBeGreaterThan(0)
    expect(missingRenewal).toBeGreaterThan(0)

    // The incremental sync reads the chosen properties: a value emptied in HubSpot becomes missing, not 0.
    const changed = hubspot.find((c) => c.properties.arr && c.properties.renewal_date)!
    ctx.clock.advance(60_000)
    ctx.sim.control.updateRecord(portalId, 'companies', changed.id, { arr: '', renewal_date: '' })
    const other = hubspot.find((c) => c.id !== changed.id)!
    ctx.sim.control.updateRecord(portalId, 'companies', other.id, { arr: '1234.5', renewal_date: '2027-01-15' })
    await runSync(ctx.deps, integrationId)
    const after = await stored()
    expect(after.get(changed.id)).toMatchObject({ revenue: null, renewalAt: null })
    expect(after.get(other.id)?.revenue).toBe(1234.5)
    expect(after.get(other.id)?.renewalAt?.toISOString()).toBe('2027-01-15T00:00:00.000Z')
  })

  it('open deals in a pipeline: revenue is their sum, renewal the next close date; no open deal is missing', async () => {
    const pipelineId = await renewalsPipelineId()
    const saved = await choose({ revenue: { kind: 'deals', pipelineId }, renewal: { kind: 'deals', pipelineId } })
    expect(saved.body).toMatchObject({
      labels: { revenue: 'open deals in Renewals', renewal: 'the next open deal in Renewals' },
    })
    const deals = await hubspotRecords(
      'deals',
      'properties=amount,closedate,pipeline,hs_is_closed&associations=companies',
    )
    const expected = new Map<string, { revenue: number | null; closes: number[] }>()
    for (const deal of deals) {
      if (deal.properties.pipeline !== pipelineId || deal.properties.hs_is_closed !== 'false') continue
      // The labelled and unlabelled associations name the same company: once each.
      for (const id of new Set((deal.associations?.companies?.results ?? []).map((c) => c.id))) {
        const entry = expected.get(id) ?? { revenue: null, closes: [] }
        const amount = deal.properties.amount
        if (amount) entry.revenue = (entry.revenue ?? 0) + Number(amount)
        if (deal.properties.closedate) entry.closes.push(Date.parse(deal.properties.closedate))
        expected.set(id, entry)
      }
    }
    expect(expected.size).toBeGreaterThan(0)
    const values = await stored()
    let without = 0
    for (const [id, row] of values) {
      const want = expected.get(id)
      if (!want) without++
      expect(row.revenue).toBe(want?.revenue ?? null)
      // The seeded open renewals all close after now: the next is the soonest.
      expect(row.renewalAt?.getTime() ?? null).toBe(want && want.closes.length > 0 ? Math.min(...want.closes) : null)
    }
    // Former customers have no open renewal: their revenue and renewal are missing, not 0.
    expect(without).toBeGreaterThan(0)

    // A sync pass leaves the deal values alone (they are not company properties) and asks for them again.
    const before = await stored()
    ctx.clock.advance(60_000)
    const company = [...expected.keys()][0]!
    ctx.sim.control.updateRecord(portalId, 'companies', company, { annualrevenue: '1', arr: '2' })
    await runSync(ctx.deps, integrationId)
    expect(await stored()).toEqual(before)
  })

  it('a choice changed while the job read HubSpot wins: the older read is dropped', async () => {
    await choose({ revenue: { kind: 'property', property: 'annualrevenue' }, renewal: { kind: 'none' } })
    const values = await stored()
    expect([...values.values()].every((v) => v.renewalAt === null)).toBe(true)
    const [row] = await ctx.database.db
      .select()
      .from(revenueSettings)
      .where(eq(revenueSettings.workspaceId, owner.workspaceId))
    // As if the job had started from an older choice: the row now carries a later one.
    await ctx.database.db
      .update(revenueSettings)
      .set({ setAt: new Date(row!.setAt.getTime() + 1), renewal: { kind: 'property', property: 'renewal_date' } })
      .where(eq(revenueSettings.workspaceId, owner.workspaceId))
    expect(await recomputeCompanyValues(ctx.deps, owner.workspaceId)).toEqual({ status: 'ready' })
    expect([...(await stored()).values()].some((v) => v.renewalAt !== null)).toBe(true)
  })
})

describe('renewals on the dashboard and the alert', () => {
  it('counts renewals per window and band, filters the list by renewal, and alerts a high-risk renewal once', async () => {
    await choose({
      revenue: { kind: 'property', property: 'arr' },
      renewal: { kind: 'property', property: 'renewal_date' },
    })
    const now = ctx.clock.now()
    // Two companies with renewals 20 and 200 days out, made high risk by a scoring pass.
    const companies = [...(await stored()).keys()].map(Number).sort((a, b) => a - b)
    const [soon, late] = [companies[0]!, companies[1]!]
    const renewalOn = (days: number) => new Date(Math.floor((now.getTime() + days * DAY) / DAY) * DAY)
    for (const [id, days] of [
      [soon, 20],
      [late, 200],
    ] as const)
      await ctx.database.db
        .update(crmCompanies)
        .set({ renewalAt: renewalOn(days) })
        .where(and(eq(crmCompanies.workspaceId, owner.workspaceId), eq(crmCompanies.hubspotId, id)))
    for (const id of [soon, late]) {
      const row = {
        companyId: id,
        score: 90,
        band: bandOf(90),
        reasons: [],
        trend: 0,
        ticketCount: 0,
        openTickets: 0,
        recentTickets: 0,
      }
      await writeScoreRows(ctx.database.db, owner.workspaceId, [row], now)
      await writeHistoryPoints(ctx.database.db, owner.workspaceId, [{ companyId: id, score: 90 }], now)
    }

    const summary = await owner.call(churnApi.getSummary)
    expect(summary.ok).toBe(true)
    if (!summary.ok) return
    expect(summary.body.sources).toEqual({ revenue: 'ARR (arr)', renewal: 'Renewal date (renewal_date)' })
    expect(summary.body.renewals.configured).toBe(true)
    for (const window of summary.body.renewals.windows) {
      const listed = await owner.call(companiesApi.list, {
        query: { renewalWithinDays: String(window.days), pageSize: '200' } as never,
      })
      if (!listed.ok) throw new Error('list failed')
      expect(listed.body.total).toBe(window.count)
      const known = listed.body.companies.filter((c) => c.revenue !== null)
      expect(window.withRevenue).toBe(known.length)
      expect(window.revenue).toBeCloseTo(
        known.reduce((sum, c) => sum + c.revenue!, 0),
        6,
      )
      expect(window.byBand.reduce((sum, b) => sum + b.count, 0)).toBe(window.count)
      for (const company of listed.body.companies) {
        expect(Date.parse(company.renewalAt!)).toBeLessThanOrEqual(now.getTime() + window.days * DAY)
      }
    }
    const csv = await owner.call(companiesApi.exportCsv, { query: { renewalWithinDays: '30' } as never })
    expect(String(csv.body).trim().split('\n').length - 1).toBe(summary.body.renewals.windows[0]!.count)
    expect(summary.body.renewals.nearest.map((r) => r.companyId)).toContain(soon)
    expect(summary.body.renewals.nearest.map((r) => r.companyId)).not.toContain(late)
    const detail = await owner.call(companiesApi.getDetail, { params: { id: String(soon) } })
    expect(detail.body).toMatchObject({
      company: { renewalAt: renewalOn(20).toISOString() },
      sources: { revenue: 'ARR (arr)', renewal: 'Renewal date (renewal_date)' },
    })

    // A member's rule: a renewal within 30 days while high risk.
    const member = await ctx.memberOf(owner.workspaceId)
    const rules = { ownedCompanyHigh: false, anyCompanyHigh: false, scoreRisePoints: null, dailyDigest: false }
    expect(await member.call(alertsApi.setRules, { body: { ...rules, renewalWithinDays: 5 } })).toMatchObject({
      status: 400,
    })
    expect(await member.call(alertsApi.setRules, { body: { ...rules, renewalWithinDays: 30 } })).toMatchObject({
      status: 200,
      body: { renewalWithinDays: 30 },
    })
    // Two instances raise at the same moment, then again later: one alert for the company and its renewal date.
    const raised = await Promise.all([
      raiseAlerts(ctx.database.db, owner.workspaceId, ctx.clock.now()),
      raiseAlerts(ctx.database.db, owner.workspaceId, ctx.clock.now()),
    ])
    expect(raised.map((r) => r.raised).sort()).toEqual([0, 1])
    ctx.clock.advance(3_600_000)
    expect((await raiseAlerts(ctx.database.db, owner.workspaceId, ctx.clock.now())).raised).toBe(0)
    const alerts = await ctx.database.db
      .select()
      .from(alertDeliveries)
      .where(eq(alertDeliveries.workspaceId, owner.workspaceId))
    expect(alerts).toEqual([
      expect.objectContaining({ event: 'renewal_due_high', companyId: soon, occurredAt: renewalOn(20), score: 90 }),
    ])
    // A new renewal date is a new occurrence: alerted once more.
    await ctx.database.db
      .update(crmCompanies)
      .set({ renewalAt: renewalOn(25) })
      .where(and(eq(crmCompanies.workspaceId, owner.workspaceId), eq(crmCompanies.hubspotId, soon)))
    expect((await raiseAlerts(ctx.database.db, owner.workspaceId, ctx.clock.now())).raised).toBe(1)
  })
})
