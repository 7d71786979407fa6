import { apiEndpoints, authApi, companiesApi, hubspotApi, syncApi } from '@churnlens/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

describe('endpoints defined once in contracts/', () => {
  it('are each routed at their method and path, and no other API route exists', () => {
    const routed = new Set(ctx.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))
    const defined = apiEndpoints.map((e) => `${e.method} ${e.path}`)
    expect([...routed].filter((key) => !defined.includes(key)).sort()).toEqual([
      // HubSpot's webhook calls (HubSpot's format), and the operator endpoints.
      'GET /healthz',
      'GET /metrics',
      'POST /api/v1/webhooks/hubspot',
    ])
    expect(defined.filter((key) => !routed.has(key))).toEqual([])
  })

  it('are called through their definitions, and answer within them', async () => {
    const agent = await ctx.signedUpAgent()
    expect(await agent.call(authApi.getMe)).toMatchObject({
      ok: true,
      status: 200,
      body: { workspace: { id: agent.workspaceId } },
    })
    expect(await agent.call(hubspotApi.getPortalDetails)).toMatchObject({
      ok: false,
      status: 404,
      body: { error: { code: 'not_connected' } },
    })
    expect(await agent.call(syncApi.request)).toMatchObject({
      ok: false,
      status: 404,
      body: { error: { code: 'not_connected' } },
    })
    await ctx.connect(agent, ctx.sim.portals[0]!.portalId)
    expect(await agent.call(hubspotApi.getPortalDetails)).toMatchObject({
      ok: true,
      body: { portal: { portalId: ctx.sim.portals[0]!.portalId } },
    })
    expect(await agent.call(syncApi.request)).toMatchObject({ ok: true, status: 202, body: { requested: true } })
    expect(await agent.call(companiesApi.list, { query: { pageSize: '0' } })).toMatchObject({
      ok: false,
      status: 400,
      body: { error: { code: 'invalid_query', issues: [{ path: 'pageSize' }] } },
    })
  })

  it('parse path parameters with the definition: an id that cannot name a company is not found', async () => {
    const agent = await ctx.signedUpAgent()
    for (const id of ['abc', '1234567890123456', '-1']) {
      expect(await agent.call(companiesApi.getDetail, { params: { id } })).toMatchObject({
        status: 404,
        body: { error: { code: 'not_found' } },
      })
    }
  })

  it('answer a CSV download with its content type', async () => {
    const agent = await ctx.signedUpAgent()
    const csv = await agent.call(companiesApi.exportCsv, { query: { band: 'high' } })
    expect(csv).toMatchObject({ ok: true, status: 200 })
    expect(csv.ok && csv.body.startsWith('hubspot_company_id,')).toBe(true)
  })
})
