import { optionalScopes, requiredScopes } from '@churnlens/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrationEvents } from '../src/db/schema'
import { secretContext } from '../src/integrations/hubspot/integration-secrets'
import { refreshExpiringTokens } from '../src/jobs/refresh-expiring-tokens'
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
const allScopes = [...requiredScopes, ...optionalScopes]

const tokenCalls = () =>
  ctx.sim.control.requestLog().filter((r) => r.path === '/oauth/2026-03/token' && r.method === 'POST').length
const portal = (agent: Agent) =>
  agent.json<{ portal?: { portalId: number }; error?: { code: string } }>('/api/v1/integrations/hubspot/portal')
const rowOf = (agent: Agent) => ctx.requireIntegrationRow(agent.workspaceId)
async function eventsOf(agent: Agent) {
  return (
    await agent.json<{ events: { type: string; errorCode: string | null; actor: string }[] }>(
      '/api/v1/integrations/hubspot/events',
    )
  ).body.events
}
async function connected(portalId?: number) {
  const agent = await ctx.signedUpAgent()
  const res = await ctx.connect(agent, portalId)
  if (res.status !== 200) throw new Error(`connect failed ${JSON.stringify(res.body)}`)
  return agent
}

describe('keeping tokens valid', () => {
  it('uses a valid token without asking HubSpot', async () => {
    const agent = await connected()
    const before = tokenCalls()
    for (let i = 0; i < 5; i++) expect((await portal(agent)).status).toBe(200)
    expect(tokenCalls()).toBe(before)
  })

  it('refreshes once for many concurrent callers when the token is about to expire, and persists the new pair', async () => {
    const agent = await connected()
    const before = await rowOf(agent)
    ctx.clock.advance(26 * MINUTE) // under 5 minutes left
    const calls = tokenCalls()
    const results = await Promise.all(Array.from({ length: 50 }, () => portal(agent)))
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(tokenCalls() - calls).toBe(1)
    const after = await rowOf(agent)
    expect(after.tokenVersion).toBe(before.tokenVersion + 1)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).not.toBe(before.refreshToken) // resealed, even when HubSpot returns the same value
    expect(after.tokenExpiresAt!.getTime()).toBe(ctx.clock.now().getTime() + 30 * MINUTE)
  })

  it('a 401 on a token that should be valid gets one forced refresh and a retry', async () => {
    const agent = await connected()
    const portalId = (await rowOf(agent)).hubId!
    ctx.sim.control.expireAccessTokens({ portalId })
    const calls = tokenCalls()
    const res = await portal(agent)
    expect(res.status).toBe(200)
    expect(res.body.portal?.portalId).toBe(portalId)
    expect(tokenCalls() - calls).toBe(1)
  })

  it('keeps working for five simulated minutes on 60-second tokens, refreshing as it goes', async () => {
    ctx.sim.control.updateSettings({ accessTokenTtlSeconds: 60 })
    try {
      const agent = await connected()
      const calls = tokenCalls()
      const failures: unknown[] = []
      for (let elapsed = 0; elapsed < 5 * MINUTE; elapsed += 5000) {
        ctx.clock.advance(5000)
        const res = await portal(agent)
        if (res.status !== 200) failures.push(res.body)
      }
      expect(failures).toEqual([])
      expect(tokenCalls() - calls).toBeGreaterThanOrEqual(4)
      expect((await rowOf(agent)).status).toBe('connected')
    } finally {
      ctx.sim.control.updateSettings({ accessTokenTtlSeconds: 1800 })
    }
  })

  it('the background sweep refreshes tokens expiring within 10 minutes, and leaves the rest', async () => {
    const soon = await connected()
    ctx.clock.advance(21 * MINUTE)
    const later = await connected()
    const sweep = await refreshExpiringTokens(ctx.deps)
    expect(sweep.refreshed).toBeGreaterThanOrEqual(1)
    expect((await rowOf(soon)).tokenExpiresAt!.getTime()).toBe(ctx.clock.now().getTime() + 30 * MINUTE)
    expect((await rowOf(later)).tokenVersion).toBe(0)
  })

  it('on short-lived tokens the sweep loads only the rows past half their life, and refreshes each of them', async () => {
    ctx.sim.control.updateSettings({ accessTokenTtlSeconds: 60 })
    try {
      await refreshExpiringTokens(ctx.deps) // earlier tests' tokens out of the way
      const agent = await connected()
      expect((await refreshExpiringTokens(ctx.deps)).considered).toBe(0)
      ctx.clock.advance(31_000)
      const sweep = await refreshExpiringTokens(ctx.deps)
      expect(sweep).toMatchObject({ considered: 1, refreshed: 1, failed: 0 })
      expect((await rowOf(agent)).tokenVersion).toBe(1)
    } finally {
      ctx.sim.control.updateSettings({ accessTokenTtlSeconds: 1800 })
    }
  })
})

describe('dead grants go to needs_reauth once, with no retry loop', () => {
  it('a revoked refresh token', async () => {
    const agent = await connected()
    const row = await rowOf(agent)
    // Only this grant's refresh token, as HubSpot's DELETE /oauth/v1/refresh-tokens/{token} does: other
    // workspaces connected to the same portal in this file keep theirs (an uninstall is another test).
    const refreshToken = ctx.deps.cipher.open(row.refreshToken!, secretContext(row.id, 'refresh_token'))
    if (!refreshToken.ok) throw new Error('unreadable refresh token')
    const deleted = await ctx.sim.fetch(`${SIMULATOR_URL}/oauth/v1/refresh-tokens/${refreshToken.value}`, {
      method: 'DELETE',
    })
    expect(deleted.status).toBe(204)
    ctx.clock.advance(31 * MINUTE)
    const res = await portal(agent)
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'needs_reauth' } } })
    expect(await rowOf(agent)).toMatchObject({ status: 'needs_reauth', lastErrorCode: 'refresh_token_revoked' })
    const calls = tokenCalls()
    for (let i = 0; i < 5; i++) expect((await portal(agent)).body.error?.code).toBe('needs_reauth')
    expect(tokenCalls()).toBe(calls)
    const settled = await rowOf(agent)
    await refreshExpiringTokens(ctx.deps) // the sweep skips it too
    expect(await rowOf(agent)).toEqual(settled)
    const events = await eventsOf(agent)
    expect(events[0]).toMatchObject({ type: 'needs_reauth', errorCode: 'refresh_token_revoked', actor: 'system' })
    expect(events.filter((e) => e.type === 'needs_reauth')).toHaveLength(1)
  })

  it('an uninstalled app: HubSpot answers 401, the forced refresh is refused', async () => {
    const agent = await connected(ctx.sim.portals[1]!.portalId)
    ctx.sim.control.revokeInstall(ctx.sim.portals[1]!.portalId)
    const res = await portal(agent)
    expect(res.body.error?.code).toBe('needs_reauth')
    expect((await rowOf(agent)).lastErrorCode).toBe('refresh_token_revoked')
  })

  it('a required scope gone at refresh time; an optional one only switches its feature off', async () => {
    const target = ctx.sim.portals[0]!.portalId
    const agent = await connected(target)
    try {
      ctx.sim.control.setGrantedScopes(target, requiredScopes)
      ctx.clock.advance(26 * MINUTE)
      expect((await portal(agent)).status).toBe(200)
      const view = await agent.json<{ integration: { status: string; disabledFeatures: unknown } }>(
        '/api/v1/integrations/hubspot',
      )
      expect(view.body.integration).toMatchObject({
        status: 'connected',
        disabledFeatures: [
          { feature: 'write_back', missingScopes: ['crm.objects.companies.write', 'crm.schemas.companies.write'] },
          { feature: 'renewal_deals', missingScopes: ['crm.objects.deals.read'] },
          { feature: 'owners', missingScopes: ['crm.objects.owners.read'] },
          { feature: 'follow_up_tasks', missingScopes: ['crm.objects.contacts.write'] },
        ],
      })

      ctx.sim.control.setGrantedScopes(
        target,
        requiredScopes.filter((s) => s !== 'tickets'),
      )
      ctx.clock.advance(26 * MINUTE)
      expect((await portal(agent)).body.error?.code).toBe('needs_reauth')
      const after = await agent.json<{
        integration: { status: string; lastErrorCode: string; missingRequiredScopes: string[] }
      }>('/api/v1/integrations/hubspot')
      expect(after.body.integration).toMatchObject({
        status: 'needs_reauth',
        lastErrorCode: 'missing_scopes',
        missingRequiredScopes: ['tickets'],
      })
    } finally {
      ctx.sim.control.setGrantedScopes(target, allScopes)
    }
  })
})

describe('transient failures degrade, back off, and recover', () => {
  it.each([[503], [429], [502]])('HubSpot %i while refreshing an expired token', async (status) => {
    const agent = await connected()
    ctx.clock.advance(31 * MINUTE)
    ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token', status, count: 1 })
    const failed = await portal(agent)
    expect(failed.status).toBe(503)
    expect(failed.body.error?.code).toBe('hubspot_unavailable')
    const degraded = await rowOf(agent)
    expect(degraded.status).toBe('degraded')
    expect(degraded.lastErrorCode).toBe(status === 429 ? 'hubspot_rate_limited' : 'hubspot_unavailable')
    expect(degraded.nextRefreshAttemptAt!.getTime()).toBeGreaterThan(ctx.clock.now().getTime())

    // Inside the backoff window nobody hammers HubSpot.
    const calls = tokenCalls()
    expect((await portal(agent)).status).toBe(503)
    expect(tokenCalls()).toBe(calls)

    ctx.clock.advance(MINUTE)
    expect((await portal(agent)).status).toBe(200)
    expect(await rowOf(agent)).toMatchObject({
      status: 'connected',
      refreshFailures: 0,
      lastErrorCode: null,
      nextRefreshAttemptAt: null,
    })
    const types = (await eventsOf(agent)).map((e) => e.type)
    expect(types.slice(0, 2)).toEqual(['recovered', 'degraded'])
  })

  it('a token that is still valid keeps serving while the refresh is retried', async () => {
    const agent = await connected()
    ctx.clock.advance(26 * MINUTE)
    ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token', status: 500, count: 1 })
    expect((await portal(agent)).status).toBe(200)
    expect((await rowOf(agent)).status).toBe('degraded')
    ctx.clock.advance(MINUTE)
    const sweep = await refreshExpiringTokens(ctx.deps)
    expect(sweep.refreshed).toBeGreaterThanOrEqual(1)
    expect((await rowOf(agent)).status).toBe('connected')
  })

  it('repeated failures back off exponentially and stay one degraded event', async () => {
    const agent = await connected()
    ctx.clock.advance(31 * MINUTE)
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token', status: 503, count: 1 })
      await portal(agent)
      const row = await rowOf(agent)
      waits.push(row.nextRefreshAttemptAt!.getTime() - ctx.clock.now().getTime())
      ctx.clock.advance(row.nextRefreshAttemptAt!.getTime() - ctx.clock.now().getTime() + 1)
    }
    expect((await rowOf(agent)).refreshFailures).toBe(4)
    expect(waits[3]!).toBeGreaterThan(waits[0]!)
    expect((await eventsOf(agent)).filter((e) => e.type === 'degraded')).toHaveLength(1)
  })
})

describe('reconnect', () => {
  it('from needs_reauth: the OAuth flow again updates the same row', async () => {
    const agent = await connected(ctx.sim.portals[2]!.portalId)
    const before = await rowOf(agent)
    ctx.sim.control.revokeInstall(before.hubId!)
    ctx.clock.advance(31 * MINUTE)
    await portal(agent)
    expect((await rowOf(agent)).status).toBe('needs_reauth')
    const res = await ctx.connect(agent, before.hubId!)
    expect(res.status).toBe(200)
    const after = await rowOf(agent)
    expect(after).toMatchObject({ id: before.id, status: 'connected', lastErrorCode: null })
    expect((await portal(agent)).status).toBe(200)
    expect((await eventsOf(agent)).map((e) => e.type).slice(0, 3)).toEqual(['reconnected', 'needs_reauth', 'connected'])
  })

  it('from degraded: the new grant clears the failure count and the backoff window', async () => {
    const agent = await connected()
    ctx.clock.advance(31 * MINUTE)
    ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token', status: 503, count: 1 })
    await portal(agent)
    expect(await rowOf(agent)).toMatchObject({ status: 'degraded', refreshFailures: 1 })
    await ctx.connect(agent, (await rowOf(agent)).hubId!)
    expect(await rowOf(agent)).toMatchObject({
      status: 'connected',
      refreshFailures: 0,
      nextRefreshAttemptAt: null,
      lastErrorCode: null,
    })
    ctx.clock.advance(31 * MINUTE) // an expired token right away must refresh, not wait out the old backoff
    expect((await portal(agent)).status).toBe(200)
  })

  it('to another portal is refused unless the switch was confirmed before leaving for HubSpot', async () => {
    const agent = await connected(ctx.sim.portals[0]!.portalId)
    const before = await rowOf(agent)
    const refused = await ctx.connect(agent, ctx.sim.portals[1]!.portalId)
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'portal_switch_unconfirmed' } } })
    expect(await rowOf(agent)).toEqual(before)

    const authorize = await agent.json<{ url: string }>('/api/v1/integrations/hubspot/authorize?allowPortalSwitch=true')
    const { driveConsentPage } = await import('./drive-consent-page')
    const query = await driveConsentPage(ctx.sim.fetch, authorize.body.url, {
      decision: 'Grant access',
      portalId: ctx.sim.portals[1]!.portalId,
    })
    const switched = await agent.json<{ integration: { hubId: number; id: string } }>(
      '/api/v1/integrations/hubspot/callback',
      { json: Object.fromEntries(query) },
    )
    expect(switched.status).toBe(200)
    expect(switched.body.integration).toMatchObject({ id: before.id, hubId: ctx.sim.portals[1]!.portalId })
  })
})

describe('alerts and metrics', () => {
  it('posts a signed event to ALERT_WEBHOOK_URL when an integration needs reauthorization', async () => {
    const received: { body: string; signature: string | null }[] = []
    const alerting = await createTestContext({
      env: { ALERT_WEBHOOK_URL: 'https://alerts.example.com/hook', ALERT_WEBHOOK_SECRET: 'a-very-long-alert-secret' },
      fetch: (sim) => async (input, init) => {
        const request = new Request(input, init)
        if (request.url.startsWith('https://alerts.example.com/')) {
          received.push({ body: await request.text(), signature: request.headers.get('x-churnlens-signature') })
          return new Response(null, { status: 204 })
        }
        return sim.fetch(request)
      },
    })
    try {
      const agent = await alerting.signedUpAgent()
      await alerting.connect(agent)
      alerting.sim.control.revokeInstall(alerting.sim.portals[0]!.portalId)
      alerting.clock.advance(31 * MINUTE)
      await agent.json('/api/v1/integrations/hubspot/portal')
      await expect.poll(() => received.length).toBe(1)
      const { createHmac } = await import('node:crypto')
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(received[0]!.signature ?? '') ?? []
      expect(createHmac('sha256', 'a-very-long-alert-secret').update(`${t}.${received[0]!.body}`).digest('hex')).toBe(
        v1,
      )
      expect(JSON.parse(received[0]!.body)).toMatchObject({
        type: 'integration.needs_reauth',
        workspaceId: agent.workspaceId,
        reason: 'refresh_token_revoked',
      })
      expect(received[0]!.body).not.toMatch(/access|refresh_token"/)
    } finally {
      await alerting.close()
    }
  })

  it('exposes refresh counters, latency, HubSpot status codes and integrations by status', async () => {
    const agent = await connected()
    ctx.clock.advance(26 * MINUTE)
    await portal(agent)
    const text = await (await ctx.app.request('http://localhost/metrics')).text()
    expect(text).toMatch(/^churnlens_token_refresh_attempts_total [1-9]/m)
    expect(text).toMatch(/^churnlens_token_refresh_successes_total [1-9]/m)
    expect(text).toMatch(/^churnlens_token_refresh_failures_total\{reason="refresh_token_revoked"\} [1-9]/m)
    expect(text).toMatch(/^churnlens_token_refresh_duration_seconds_count [1-9]/m)
    expect(text).toMatch(/^churnlens_hubspot_requests_total\{kind="api",status="200"\} [1-9]/m)
    expect(text).toMatch(/^churnlens_integrations\{status="needs_reauth",auth_type="oauth"\} [1-9]/m)
    expect(text).toMatch(/^churnlens_integrations\{status="connected",auth_type="oauth"\} [1-9]/m)
    for (const token of [
      ...ctx.sim.control.issuedTokens().accessTokens,
      ...ctx.sim.control.issuedTokens().refreshTokens,
    ])
      expect(text).not.toContain(token)
    expect((await ctx.app.request('http://localhost/healthz')).status).toBe(200)
  })
})

it('every audit event of this file carries no token', async () => {
  const events = JSON.stringify(await ctx.database.db.select().from(integrationEvents))
  for (const token of [...ctx.sim.control.issuedTokens().accessTokens, ...ctx.sim.control.issuedTokens().refreshTokens])
    expect(events).not.toContain(token)
})
