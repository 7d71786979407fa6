import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rescoreWorkspace } from '../src/churn/rescore-workspace'
import { rescoreCompanies } from '../src/churn/rescore-companies'
import { crmCompanies, crmTickets } from '../src/db/schema'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
let agent: Awaited<ReturnType<TestContext['signedUpAgent']>>
const DAY = 86_400_000

/** Tickets as the sync would have stored them: a few churning companies among healthy ones. */
async function seedWorkspace(workspaceId: string) {
  const now = ctx.clock.now().getTime()
  const companies = Array.from({ length: 30 }, (_, i) => ({
    workspaceId,
    hubspotId: 1000 + i,
    name: i === 0 ? '=HYPERLINK("x")' : `Company ${String(i).padStart(2, '0')}`,
    domain: `c${i}.example.com`,
  }))
  await ctx.database.db.insert(crmCompanies).values(companies)
  let ticketId = 50_000
  const tickets: (typeof crmTickets.$inferInsert)[] = []
  for (const [index, company] of companies.entries()) {
    const churning = index % 10 === 0
    for (let m = 0; m < 6; m++) {
      const created = new Date(now - (40 + m * 25) * DAY)
      tickets.push({
        workspaceId,
        hubspotId: ticketId++,
        companyId: company.hubspotId,
        subject: 'Question about exports',
        priority: 'LOW',
        stage: '4',
        hsCreatedAt: created,
        closedAt: new Date(created.getTime() + DAY),
        timeToCloseMs: DAY,
      })
    }
    if (churning) {
      for (let d = 0; d < 8; d++) {
        tickets.push({
          workspaceId,
          hubspotId: ticketId++,
          companyId: company.hubspotId,
          subject: d === 0 ? 'We want to cancel our subscription and get a refund' : 'Sync broken again',
          content: 'This is unacceptable',
          priority: d % 2 ? 'URGENT' : 'HIGH',
          stage: d < 3 ? '3' : '4',
          hsCreatedAt: new Date(now - (d * 3 + 1) * DAY),
          closedAt: d < 3 ? null : new Date(now - d * DAY),
          timeToCloseMs: d < 3 ? null : 9 * DAY,
        })
      }
    }
  }
  await ctx.database.db.insert(crmTickets).values(tickets)
  return { companies, churningIds: companies.filter((_, i) => i % 10 === 0).map((c) => c.hubspotId) }
}

let churningIds: number[] = []
beforeAll(async () => {
  ctx = await createTestContext()
  agent = await ctx.signedUpAgent()
  await ctx.connect(agent)
  churningIds = (await seedWorkspace(agent.workspaceId)).churningIds
  expect(await rescoreWorkspace(ctx.database.db, agent.workspaceId, ctx.clock.now())).toBe(30)
})
afterAll(async () => {
  await ctx.close()
})

describe('companies and their churn risk', () => {
  it('ranks the churning companies first, with their top reason', async () => {
    const { status, body } = await agent.json<{
      companies: { id: number; score: number; band: string; topReason: { evidence: string } | null }[]
      total: number
    }>('/api/v1/companies?pageSize=5')
    expect(status).toBe(200)
    expect(body.total).toBe(30)
    expect(
      body.companies
        .slice(0, 3)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...churningIds].sort())
    expect(body.companies[0]).toMatchObject({ band: 'high' })
    expect(body.companies[0]!.topReason?.evidence).toBeTruthy()
    expect(body.companies[3]!.score).toBeLessThan(body.companies[2]!.score)
  })

  it('sorts, filters by band and name, and pages', async () => {
    const byName = await agent.json<{ companies: { name: string }[] }>(
      '/api/v1/companies?sort=name&order=asc&pageSize=3&page=2&q=company',
    )
    expect(byName.body.companies.map((c) => c.name)).toEqual(['Company 04', 'Company 05', 'Company 06'])
    const high = await agent.json<{ companies: { band: string }[]; total: number }>('/api/v1/companies?band=high')
    expect(high.body.total).toBe(3)
    expect(high.body.companies.every((c) => c.band === 'high')).toBe(true)
    const literal = await agent.json<{ total: number }>('/api/v1/companies?q=%25')
    expect(literal.body.total).toBe(0) // a % is searched for, not used as a wildcard
    const bad = await agent.json('/api/v1/companies?sort=password&pageSize=100000')
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_query' } } })
  })

  it('shows one company with every reason, its evidence tickets, history and a HubSpot link', async () => {
    const id = churningIds[0]!
    const { body } = await agent.json<{
      company: { reasons: { signal: string; ticketIds: number[] }[]; hubspotUrl: string }
      tickets: { id: number; evidence: boolean }[]
      history: unknown[]
    }>(`/api/v1/companies/${id}`)
    expect(body.company.hubspotUrl).toBe(
      `https://app.hubspot.com/contacts/${ctx.sim.portals[0]!.portalId}/company/${id}`,
    )
    expect(body.company.reasons.map((r) => r.signal)).toEqual(
      expect.arrayContaining(['cancellation_language', 'volume_trend', 'open_backlog']),
    )
    const cited = new Set(body.company.reasons.flatMap((r) => r.ticketIds))
    expect(
      body.tickets
        .filter((t) => t.evidence)
        .map((t) => t.id)
        .sort(),
    ).toEqual([...cited].sort())
    expect(body.history).toHaveLength(1)
    expect((await agent.json('/api/v1/companies/999999')).status).toBe(404)
  })

  it('summarises bands, the score distribution and ticket volume per month', async () => {
    const { body } = await agent.json<{
      bands: { low: number; medium: number; high: number }
      distribution: { count: number }[]
      volume: { tickets: number }[]
      riskiest: unknown[]
      totals: { tickets: number }
    }>('/api/v1/churn/summary')
    expect(body.bands.high).toBe(3)
    expect(body.bands.low + body.bands.medium + body.bands.high).toBe(30)
    expect(body.distribution).toHaveLength(10)
    expect(body.distribution.reduce((n, b) => n + b.count, 0)).toBe(30)
    expect(body.volume).toHaveLength(12)
    expect(body.volume.reduce((n, m) => n + m.tickets, 0)).toBe(body.totals.tickets)
    expect(body.riskiest).toHaveLength(10)
  })

  it('exports the scored companies as CSV, neutralising formula-like cells', async () => {
    const res = await agent.request('/api/v1/companies/export.csv')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="churnlens-companies-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const lines = (await res.text()).trim().split('\r\n')
    expect(lines[0]).toBe(
      'hubspot_company_id,name,domain,risk_score,risk_band,trend_30d,tickets,open_tickets,tickets_30d,top_reason,hubspot_url',
    )
    expect(lines).toHaveLength(31)
    expect(lines.find((l) => l.startsWith('1000,'))).toContain(`"'=HYPERLINK(""x"")"`)
  })

  it('re-scoring one company after a ticket change moves only that company, and records history', async () => {
    const calm = 1005
    const before = await agent.json<{ companies: { id: number; score: number }[] }>('/api/v1/companies?pageSize=200')
    await ctx.database.db.insert(crmTickets).values(
      Array.from({ length: 6 }, (_, i) => ({
        workspaceId: agent.workspaceId,
        hubspotId: 90_000 + i,
        companyId: calm,
        subject: i === 0 ? 'Please cancel our subscription' : 'Outage',
        priority: 'URGENT',
        stage: '1',
        hsCreatedAt: new Date(ctx.clock.now().getTime() - (i + 1) * DAY),
      })),
    )
    ctx.clock.advance(DAY)
    await rescoreCompanies(ctx.database.db, agent.workspaceId, [calm], ctx.clock.now())
    const after = await agent.json<{ companies: { id: number; score: number }[] }>('/api/v1/companies?pageSize=200')
    const scoreOf = (list: { id: number; score: number }[], id: number) => list.find((c) => c.id === id)!.score
    expect(scoreOf(after.body.companies, calm)).toBeGreaterThan(scoreOf(before.body.companies, calm))
    for (const other of before.body.companies.filter((c) => c.id !== calm))
      expect(scoreOf(after.body.companies, other.id)).toBe(other.score)
    const detail = await agent.json<{ history: { score: number }[] }>(`/api/v1/companies/${calm}`)
    expect(detail.body.history).toHaveLength(2)
  })

  it('a full re-score of the workspace is requested as a background job', async () => {
    const res = await agent.json('/api/v1/churn/rescore', { json: {} })
    expect(res).toEqual({ status: 202, body: { requested: true } })
    expect(ctx.syncRequests.at(-1)).toEqual({ integrationId: agent.workspaceId, reason: 'rescore' })
  })

  it('another workspace sees none of it', async () => {
    const other = await ctx.signedUpAgent()
    expect((await other.json<{ total: number }>('/api/v1/companies')).body.total).toBe(0)
    expect((await other.json(`/api/v1/companies/${churningIds[0]}`)).status).toBe(404)
    expect(
      (await other.request('/api/v1/companies/export.csv').then((r) => r.text())).trim().split('\r\n'),
    ).toHaveLength(1)
  })
})
