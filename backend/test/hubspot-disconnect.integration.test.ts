import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrationEvents } from '../src/db/schema'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const rowOf = (workspaceId: string) => ctx.requireIntegrationRow(workspaceId)

async function refreshTokenIsLive(refreshToken: string) {
  const app = ctx.sim.apps[0]!
  const res = await ctx.sim.fetch('http://hubspot.test/oauth/2026-03/token/introspect', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      token: refreshToken,
      token_type_hint: 'refresh_token',
    }),
  })
  return ((await res.json()) as { active: boolean }).active
}

describe('disconnect', () => {
  it('revokes the refresh token at HubSpot, wipes the sealed values and keeps an audit record', async () => {
    const agent = await ctx.signedUpAgent()
    await ctx.connect(agent)
    const refreshToken = ctx.sim.control.issuedTokens().refreshTokens.at(-1)!
    expect(await refreshTokenIsLive(refreshToken)).toBe(true)

    const res = await agent.json<{ integration: Record<string, unknown> }>('/api/v1/integrations/hubspot', {
      method: 'DELETE',
    })
    expect(res.status).toBe(200)
    expect(res.body.integration).toMatchObject({ status: 'disconnected', grantedScopes: [], tokenExpiresAt: null })
    expect(await refreshTokenIsLive(refreshToken)).toBe(false)

    const row = await rowOf(agent.workspaceId)
    expect(row).toMatchObject({ status: 'disconnected', accessToken: null, refreshToken: null, apiKey: null })
    const events = await ctx.database.db
      .select()
      .from(integrationEvents)
      .where(eq(integrationEvents.integrationId, row.id))
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus, e.detail])).toEqual([
      ['connected', null, 'connected', expect.any(Object)],
      ['disconnected', 'connected', 'disconnected', { revoke: 'revoked', hubId: row.hubId }],
    ])
    expect(events[1]?.actor).toMatch(/^user:/)

    expect((await agent.json('/api/v1/integrations/hubspot', { method: 'DELETE' })).body).toMatchObject({
      error: { code: 'not_connected' },
    })
  })

  it('changes nothing when HubSpot cannot be reached, so the grant can still be revoked later', async () => {
    const agent = await ctx.signedUpAgent()
    await ctx.connect(agent)
    const before = await rowOf(agent.workspaceId)
    ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token/revoke', status: 503, count: 1 })
    const res = await agent.json('/api/v1/integrations/hubspot', { method: 'DELETE' })
    expect(res.status).toBe(503)
    expect(res.body).toMatchObject({ error: { code: 'hubspot_unavailable' } })
    expect(await rowOf(agent.workspaceId)).toEqual(before)
    expect((await agent.json('/api/v1/integrations/hubspot', { method: 'DELETE' })).status).toBe(200)
  })

  it('still disconnects when the app was already uninstalled at HubSpot', async () => {
    const agent = await ctx.signedUpAgent()
    const portal = ctx.sim.portals[1]!
    await ctx.connect(agent, portal.portalId)
    ctx.sim.control.revokeInstall(portal.portalId)
    const res = await agent.json('/api/v1/integrations/hubspot', { method: 'DELETE' })
    expect(res.status).toBe(200)
    const events = await ctx.database.db
      .select()
      .from(integrationEvents)
      .where(eq(integrationEvents.workspaceId, agent.workspaceId))
    // RFC 7009: revoking an already-dead token may answer 200 or an invalid-token error; both end disconnected.
    expect(events.find((e) => e.type === 'disconnected')?.detail).toMatchObject({
      revoke: expect.stringMatching(/^(revoked|already_dead)$/),
    })
  })
})

describe('workspace isolation', () => {
  it("one workspace can neither read nor change another's integration", async () => {
    const alice = await ctx.signedUpAgent()
    const bob = await ctx.signedUpAgent()
    await ctx.connect(alice)
    const aliceView = await alice.json('/api/v1/integrations/hubspot')

    expect((await bob.json('/api/v1/integrations/hubspot')).body).toEqual({ integration: null })
    expect((await bob.json('/api/v1/integrations/hubspot', { method: 'DELETE' })).body).toMatchObject({
      error: { code: 'not_connected' },
    })
    expect(await alice.json('/api/v1/integrations/hubspot')).toEqual(aliceView)

    // Bob connecting his own portal creates his own row and leaves Alice's alone.
    await ctx.connect(bob, ctx.sim.portals[2]!.portalId)
    expect(await alice.json('/api/v1/integrations/hubspot')).toEqual(aliceView)
    expect((await rowOf(bob.workspaceId)).id).not.toBe((await rowOf(alice.workspaceId)).id)
  })
})
