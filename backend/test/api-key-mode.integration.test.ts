import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatIntegrationsReport, reportIntegrations } from '../src/integrations/hubspot/report-integrations'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

type Agent = Awaited<ReturnType<TestContext['signedUpAgent']>>
const saveKey = (agent: Agent, token: string) =>
  agent.json<{ integration?: Record<string, unknown>; error?: { code: string; issues?: { message: string }[] } }>(
    '/api/v1/integrations/hubspot/api-key',
    { json: { token } },
  )
const rowOf = (agent: Agent) => ctx.integrationRow(agent.workspaceId)

describe('private-app token mode', () => {
  it('validates the token with HubSpot, seals it, and serves API calls with it', async () => {
    const agent = await ctx.signedUpAgent()
    const portal = ctx.sim.portals[0]!
    const res = await saveKey(agent, portal.privateAppToken)
    expect(res.status).toBe(200)
    expect(res.body.integration).toMatchObject({
      authType: 'api_key',
      status: 'connected',
      hubId: portal.portalId,
      missingRequiredScopes: [],
      tokenExpiresAt: null,
    })
    expect(JSON.stringify(res.body)).not.toContain(portal.privateAppToken)
    const row = await rowOf(agent)
    expect(row?.apiKey).toMatch(/^v1\.k1\./)
    expect(row?.accessToken).toBeNull()

    const before = ctx.sim.control.requestLog().filter((r) => r.path.startsWith('/oauth/2026-03/token')).length
    const details = await agent.json<{ portal: { portalId: number } }>('/api/v1/integrations/hubspot/portal')
    expect(details.body.portal.portalId).toBe(portal.portalId)
    expect(ctx.sim.control.requestLog().filter((r) => r.path.startsWith('/oauth/2026-03/token')).length).toBe(before)
  })

  it('refuses a token HubSpot does not know, and one missing scopes, naming them', async () => {
    const agent = await ctx.signedUpAgent()
    expect((await saveKey(agent, 'pat-na1-00000000-0000-0000-0000-000000000000')).body.error?.code).toBe(
      'api_key_invalid',
    )
    const portal = ctx.sim.portals[1]!
    const scopes = [...portal.privateAppScopes]
    portal.privateAppScopes.splice(0, portal.privateAppScopes.length, 'crm.objects.contacts.read')
    try {
      const res = await saveKey(agent, portal.privateAppToken)
      expect(res.status).toBe(400)
      expect(res.body.error?.code).toBe('api_key_missing_scopes')
      expect(res.body.error?.issues?.map((i) => i.message)).toEqual([
        'missing scope tickets',
        'missing scope crm.objects.companies.read',
      ])
    } finally {
      portal.privateAppScopes.splice(0, portal.privateAppScopes.length, ...scopes)
    }
    expect(await rowOf(agent)).toBeNull()
    expect((await saveKey(agent, 'short')).body.error?.code).toBe('invalid_body')
  })

  it('a token rotated away in HubSpot moves the integration to needs_reauth on its next call', async () => {
    const agent = await ctx.signedUpAgent()
    const portal = ctx.sim.portals[2]!
    await saveKey(agent, portal.privateAppToken)
    ctx.sim.control.rotatePrivateAppToken(portal.portalId)
    const res = await agent.json<{ error: { code: string } }>('/api/v1/integrations/hubspot/portal')
    expect(res.body.error.code).toBe('needs_reauth')
    expect(await rowOf(agent)).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'api_key_rejected' })
  })

  it('connecting OAuth upgrades the API-key row in place and wipes the key', async () => {
    const agent = await ctx.signedUpAgent()
    await saveKey(agent, ctx.sim.portals[0]!.privateAppToken)
    const before = await rowOf(agent)
    const res = await ctx.connect(agent, ctx.sim.portals[0]!.portalId)
    expect(res.status).toBe(200)
    const after = await rowOf(agent)
    expect(after).toMatchObject({ id: before!.id, authType: 'oauth', apiKey: null, status: 'connected' })
    expect(after?.accessToken).toMatch(/^v1\./)
    const events = await agent.json<{ events: { type: string; detail: Record<string, unknown> }[] }>(
      '/api/v1/integrations/hubspot/events',
    )
    expect(events.body.events[0]).toMatchObject({ type: 'reconnected', detail: { upgradedFrom: 'api_key' } })
    // …and a live OAuth connection is not silently downgraded back to a key.
    expect((await saveKey(agent, ctx.sim.portals[0]!.privateAppToken)).body.error?.code).toBe('oauth_connected')
  })

  it('the migration report counts integrations by auth type and status', async () => {
    const report = await reportIntegrations(ctx.database.db)
    expect(report.total).toBeGreaterThanOrEqual(3)
    expect(report.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ authType: 'api_key', status: 'connected' }),
        expect.objectContaining({ authType: 'oauth', status: 'connected' }),
        expect.objectContaining({ authType: 'api_key', status: 'needs_reauth' }),
      ]),
    )
    const text = formatIntegrationsReport(report)
    expect(text).toMatch(/api_key\s+connected\s+\d+/)
    expect(text).toMatch(/live integrations on OAuth: \d+\.\d%/)
  })
})
