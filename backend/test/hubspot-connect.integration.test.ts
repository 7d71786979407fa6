import { requiredScopes } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrationEvents, integrations, oauthStates } from '../src/db/schema'
import { sha256 } from '../src/crypto/random-token'
import type { TestContext } from './test-context'
import { REDIRECT_URI, SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const callback = (agent: Awaited<ReturnType<TestContext['signedUpAgent']>>, body: unknown) =>
  agent.json<{ integration?: Record<string, unknown>; error?: { code: string; message: string } }>(
    '/api/v1/integrations/hubspot/callback',
    { json: body },
  )

const integrationRow = (workspaceId: string) => ctx.integrationRow(workspaceId)

describe('authorize', () => {
  it("builds HubSpot's authorize URL with scopes, a 256-bit state and PKCE S256, storing only the state hash", async () => {
    const agent = await ctx.signedUpAgent()
    const { body } = await agent.json<{ url: string }>('/api/v1/integrations/hubspot/authorize')
    const url = new URL(body.url)
    expect(`${url.origin}${url.pathname}`).toBe(`${SIMULATOR_URL}/oauth/authorize`)
    expect(url.searchParams.get('client_id')).toBe(ctx.sim.apps[0]?.clientId)
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI)
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(requiredScopes)
    expect(url.searchParams.get('optional_scope')).toBe(
      'crm.objects.companies.write crm.schemas.companies.write crm.objects.deals.read crm.objects.owners.read crm.objects.contacts.write',
    )
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const state = url.searchParams.get('state') ?? ''
    expect(Buffer.from(state, 'base64url')).toHaveLength(32)
    const rows = await ctx.database.db
      .select()
      .from(oauthStates)
      .where(eq(oauthStates.stateHash, sha256(state)))
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(state)
    expect(rows[0]?.expiresAt.getTime()).toBe(ctx.clock.now().getTime() + 10 * 60 * 1000)
  })
})

describe('callback: success', () => {
  it('connects the chosen portal and reports it without any token', async () => {
    const agent = await ctx.signedUpAgent()
    const portal = ctx.sim.portals[1]!
    const res = await ctx.connect(agent, portal.portalId)
    expect(res.status).toBe(200)
    expect(res.body.integration).toMatchObject({
      provider: 'hubspot',
      status: 'connected',
      authType: 'oauth',
      hubId: portal.portalId,
      hubDomain: portal.hubDomain,
      missingRequiredScopes: [],
      lastErrorCode: null,
    })
    expect(res.body.integration?.grantedScopes).toEqual(
      expect.arrayContaining([...requiredScopes, 'crm.objects.companies.write']),
    )
    expect(Date.parse(String(res.body.integration?.tokenExpiresAt))).toBe(ctx.clock.now().getTime() + 1800 * 1000)

    const view = await agent.json<{ integration: unknown }>('/api/v1/integrations/hubspot')
    expect(view.body.integration).toEqual(res.body.integration)

    const row = await integrationRow(agent.workspaceId)
    expect(row?.accessToken).toMatch(/^v1\.k1\./)
    expect(row?.refreshToken).toMatch(/^v1\.k1\./)
    const events = await ctx.database.db
      .select()
      .from(integrationEvents)
      .where(eq(integrationEvents.integrationId, row!.id))
    expect(events.map((e) => e.type)).toEqual(['connected'])
  })

  it('records only the optional scopes the portal could grant', async () => {
    const agent = await ctx.signedUpAgent()
    const initech = ctx.sim.portals[2]!
    const res = await ctx.connect(agent, initech.portalId)
    expect(res.status).toBe(200)
    expect(res.body.integration?.grantedScopes).toEqual(expect.arrayContaining(requiredScopes))
    expect(res.body.integration?.grantedScopes).not.toContain('crm.objects.companies.write')
  })

  it('reconnecting updates the same row, never a duplicate', async () => {
    const agent = await ctx.signedUpAgent()
    const first = await ctx.connect(agent)
    const second = await ctx.connect(agent)
    expect(second.status).toBe(200)
    expect(second.body.integration?.id).toBe(first.body.integration?.id)
    const rows = await ctx.database.db
      .select()
      .from(integrations)
      .where(eq(integrations.workspaceId, agent.workspaceId))
    expect(rows).toHaveLength(1)
    expect(rows[0]?.tokenVersion).toBe(1)
  })
})

describe('callback: every failure has its own code and writes nothing', () => {
  it.each([
    [{ error: 'access_denied', error_description: 'The user denied access' }, 'oauth_access_denied', 400],
    [{ error: 'server_error' }, 'oauth_provider_error', 400],
  ])('HubSpot error %j → %s', async (hubspotQuery, code, status) => {
    const agent = await ctx.signedUpAgent()
    const { authorizeUrl } = await ctx.consent(agent)
    const res = await callback(agent, { ...hubspotQuery, state: authorizeUrl.searchParams.get('state') })
    expect(res.status).toBe(status)
    expect(res.body.error?.code).toBe(code)
    expect(await integrationRow(agent.workspaceId)).toBeNull()
  })

  it('a real denial on the consent page comes back as access_denied', async () => {
    const agent = await ctx.signedUpAgent()
    const { query } = await ctx.consent(agent, { decision: 'Deny' })
    expect(query.error).toBe('access_denied')
    const res = await callback(agent, query)
    expect(res).toEqual({
      status: 400,
      body: { error: { code: 'oauth_access_denied', message: expect.stringContaining('not granted') } },
    })
  })

  it('state missing, unknown, already used, expired', async () => {
    const agent = await ctx.signedUpAgent()
    const { query } = await ctx.consent(agent)
    expect((await callback(agent, { code: query.code })).body.error?.code).toBe('state_missing')
    expect((await callback(agent, { code: query.code, state: 'A'.repeat(43) })).body.error?.code).toBe('state_unknown')
    expect((await callback(agent, query)).status).toBe(200)
    const replay = await callback(agent, query)
    expect(replay.status).toBe(409)
    expect(replay.body.error?.code).toBe('state_already_used')

    const late = await ctx.signedUpAgent()
    const slow = await ctx.consent(late)
    ctx.clock.advance(10 * 60 * 1000 + 1)
    expect((await callback(late, slow.query)).body.error?.code).toBe('state_expired')
    expect(await integrationRow(late.workspaceId)).toBeNull()
  })

  it('a state from another session or another workspace is refused and burned', async () => {
    const owner = await ctx.signedUpAgent()
    const { query } = await ctx.consent(owner)
    const attacker = await ctx.signedUpAgent()
    const stolen = await callback(attacker, query)
    expect(stolen.status).toBe(403)
    expect(stolen.body.error?.code).toBe('state_session_mismatch')
    expect(await integrationRow(attacker.workspaceId)).toBeNull()
    expect((await callback(owner, query)).body.error?.code).toBe('state_already_used')

    // Same person, another browser: the state is bound to the session, not just the user.
    const sameUserOtherBrowser = ctx.agent()
    await sameUserOtherBrowser.request('/api/v1/auth/login', {
      json: { email: owner.email, password: 'correct horse battery' },
    })
    const second = await ctx.consent(owner)
    expect(
      (
        await callback(
          Object.assign(sameUserOtherBrowser, { email: owner.email, workspaceId: owner.workspaceId }),
          second.query,
        )
      ).body.error?.code,
    ).toBe('state_session_mismatch')
  })

  it('a bad code and an expired code', async () => {
    const agent = await ctx.signedUpAgent()
    const bad = await ctx.consent(agent)
    expect((await callback(agent, { ...bad.query, code: 'not-a-real-code' })).body.error?.code).toBe('code_invalid')

    const expired = await ctx.consent(agent)
    ctx.clock.advance(6 * 60 * 1000) // past HubSpot's code life, inside our 10-minute state window
    const res = await callback(agent, expired.query)
    expect(res.body.error?.code).toBe('code_expired')
    expect(await integrationRow(agent.workspaceId)).toBeNull()
  })

  it('a redirect URI that no longer matches the one used at authorize', async () => {
    const agent = await ctx.signedUpAgent()
    const { query } = await ctx.consent(agent)
    // As if HUBSPOT_REDIRECT_URI changed between the authorize step and the callback.
    await ctx.database.db
      .update(oauthStates)
      .set({ redirectUri: 'http://localhost:3000/elsewhere' })
      .where(eq(oauthStates.stateHash, sha256(query.state!)))
    const res = await callback(agent, query)
    expect(res.status).toBe(502)
    expect(res.body.error?.code).toBe('redirect_uri_mismatch')
  })

  it('app credentials HubSpot rejects', async () => {
    const agent = await ctx.signedUpAgent()
    const { query } = await ctx.consent(agent)
    const secret = ctx.deps.hubspot.clientSecret
    ctx.deps.hubspot.clientSecret = 'not-the-secret'
    try {
      expect((await callback(agent, query)).body.error?.code).toBe('hubspot_client_rejected')
    } finally {
      ctx.deps.hubspot.clientSecret = secret
    }
  })

  it('HubSpot down or rate limiting at the token endpoint', async () => {
    const agent = await ctx.signedUpAgent()
    for (const status of [503, 429]) {
      const { query } = await ctx.consent(agent)
      ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token', status, count: 1 })
      const res = await callback(agent, query)
      expect(res.status).toBe(503)
      expect(res.body.error?.code).toBe('hubspot_unavailable')
    }
    expect(await integrationRow(agent.workspaceId)).toBeNull()
  })

  it('a grant missing a required scope', async () => {
    const agent = await ctx.signedUpAgent()
    const portal = ctx.sim.portals[0]!
    const { query } = await ctx.consent(agent, { portalId: portal.portalId })
    ctx.sim.control.setGrantedScopes(portal.portalId, ['oauth', 'crm.objects.contacts.read'])
    try {
      const res = await callback(agent, query)
      expect(res.body.error?.code).toBe('missing_scopes')
    } finally {
      ctx.sim.control.setGrantedScopes(portal.portalId, [
        ...requiredScopes,
        'crm.objects.companies.write',
        'crm.schemas.companies.write',
        'crm.objects.deals.read',
        'crm.objects.owners.read',
        'crm.objects.contacts.write',
      ])
    }
    expect(await integrationRow(agent.workspaceId)).toBeNull()
  })

  it('leaves an existing connection untouched when a later callback fails', async () => {
    const agent = await ctx.signedUpAgent()
    await ctx.connect(agent)
    const before = await integrationRow(agent.workspaceId)
    const { query } = await ctx.consent(agent)
    ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token', status: 500, count: 1 })
    expect((await callback(agent, query)).body.error?.code).toBe('hubspot_unavailable')
    const denied = await ctx.consent(agent, { decision: 'Deny' })
    expect((await callback(agent, denied.query)).body.error?.code).toBe('oauth_access_denied')
    expect(await integrationRow(agent.workspaceId)).toEqual(before)
  })
})

describe('a token response that names another portal than its introspection', () => {
  let mismatched: TestContext
  beforeAll(async () => {
    // HubSpot's answer altered in transit: the token response claims a portal the token does not belong to.
    mismatched = await createTestContext({
      fetch: (sim) => async (input, init) => {
        const response = await sim.fetch(input, init)
        const url = new URL(input instanceof Request ? input.url : String(input))
        if (url.pathname !== '/oauth/2026-03/token' || response.status !== 200) return response
        const body = (await response.json()) as Record<string, unknown>
        return Response.json({ ...body, hub_id: Number(body.hub_id) + 1 })
      },
    })
  })
  afterAll(async () => {
    await mismatched.close()
  })

  it('is refused and nothing is stored', async () => {
    const agent = await mismatched.signedUpAgent()
    const { query } = await mismatched.consent(agent)
    const res = await agent.json<{ error?: { code: string } }>('/api/v1/integrations/hubspot/callback', { json: query })
    expect(res.body.error?.code).toBe('hubspot_invalid_response')
    expect(await mismatched.integrationRow(agent.workspaceId)).toBeNull()
  })
})
