import { churnApi, companiesApi } from '@churnlens/contracts'
import type { CompanyRow } from '@churnlens/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSync } from '../src/sync/run-sync'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
type Agent = Awaited<ReturnType<TestContext['signedUpAgent']>>
let agent: Agent
let missingId: string
let zeroId: string

beforeAll(async () => {
  ctx = await createTestContext()
  const portal = ctx.sim.control.createPortal({ companies: 12, tickets: 150, seed: 'revenue' })
  agent = await ctx.signedUpAgent()
  const connected = await ctx.connect(agent, portal.portalId)
  if (connected.status !== 200) throw new Error(`connect failed: ${JSON.stringify(connected.body)}`)
  const integrationId = String(connected.body.integration?.id)
  await runSync(ctx.deps, integrationId)
  const first = await list('name', 'asc')
  missingId = String(first[0]!.id)
  zeroId = String(first[1]!.id)
  // One company whose revenue nobody entered, one whose revenue is really zero.
  ctx.clock.advance(60_000)
  ctx.sim.control.updateRecord(portal.portalId, 'companies', missingId, { annualrevenue: '' })
  ctx.sim.control.updateRecord(portal.portalId, 'companies', zeroId, { annualrevenue: '0' })
  await runSync(ctx.deps, integrationId)
})
afterAll(async () => {
  await ctx.close()
})

async function list(sort: string, order: 'asc' | 'desc'): Promise<CompanyRow[]> {
  const res = await agent.call(companiesApi.list, { query: { sort, order, pageSize: '200' } as never })
  if (!res.ok) throw new Error(`list failed: ${res.status}`)
  return res.body.companies
}

describe('revenue', () => {
  it('is read from annualrevenue; a company without a value has none, never 0', async () => {
    const rows = await list('name', 'asc')
    const byId = new Map(rows.map((row) => [String(row.id), row]))
    expect(byId.get(missingId)?.revenue).toBeNull()
    expect(byId.get(zeroId)?.revenue).toBe(0)
    expect(rows.filter((row) => row.revenue !== null && row.revenue > 0).length).toBe(rows.length - 2)
  })

  it('sums per band with its share, and counts the companies without revenue apart', async () => {
    const rows = await list('score', 'desc')
    const summary = await agent.call(churnApi.getSummary)
    expect(summary.ok).toBe(true)
    if (!summary.ok) return
    const total = rows.reduce((sum, row) => sum + (row.revenue ?? 0), 0)
    for (const band of ['high', 'medium', 'low'] as const) {
      const inBand = rows.filter((row) => row.band === band)
      const revenue = inBand.reduce((sum, row) => sum + (row.revenue ?? 0), 0)
      const entry = summary.body.revenueAtRisk.find((candidate) => candidate.band === band)
      expect(entry).toMatchObject({
        revenue,
        withRevenue: inBand.filter((row) => row.revenue !== null).length,
        missing: inBand.filter((row) => row.revenue === null).length,
      })
      expect(entry?.share).toBeCloseTo(revenue / total, 10)
    }
    expect(summary.body.revenueAtRisk.reduce((sum, entry) => sum + entry.missing, 0)).toBe(1)
  })

  it('sorts by risk × revenue, companies without revenue last in either order', async () => {
    for (const order of ['desc', 'asc'] as const) {
      const rows = await list('risk_revenue', order)
      expect(String(rows.at(-1)?.id)).toBe(missingId)
      const products = rows.slice(0, -1).map((row) => row.score * (row.revenue ?? 0))
      const sorted = [...products].sort((a, b) => (order === 'desc' ? b - a : a - b))
      expect(products).toEqual(sorted)
    }
  })
})
