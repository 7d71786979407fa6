import { describe, expect, it } from 'vitest'
import type { Simulator } from '../src/index'
import { createSimulator } from '../src/index'
import { apiHost, bearer, connect, fixedClock, uuidPattern } from './helpers'

const control = (sim: Simulator, method: string, path: string, body?: unknown) =>
  sim.fetch(`http://127.0.0.1:4010/_simulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })

const privateToken = (sim: Simulator) => sim.portals[0]?.privateAppToken ?? ''
const accountInfo = (sim: Simulator, token = privateToken(sim)) =>
  sim.fetch(`${apiHost}/account-info/v3/details`, bearer(token))

describe('determinism', () => {
  it('same seed → same app credentials, portals, tokens and correlation ids', async () => {
    const a = createSimulator({ seed: 'same', clock: fixedClock() })
    const b = createSimulator({ seed: 'same', clock: fixedClock() })
    expect(a.apps).toEqual(b.apps)
    expect(a.portals).toEqual(b.portals)
    expect(await connect(a)).toEqual(await connect(b))
    expect(await connect(a, '2000002')).toEqual(await connect(b, '2000002'))
    expect(a.control.issuedTokens()).toEqual(b.control.issuedTokens())
    expect((await accountInfo(a)).headers.get('x-hubspot-correlation-id')).toBe(
      (await accountInfo(b)).headers.get('x-hubspot-correlation-id'),
    )
  })

  it('a different seed gives different credentials; the fixture shape stays the same', () => {
    const a = createSimulator({ seed: 'one' })
    const b = createSimulator({ seed: 'two' })
    expect(a.apps[0]?.clientId).not.toBe(b.apps[0]?.clientId)
    expect(a.apps[0]?.clientId).toMatch(uuidPattern)
    expect(a.apps[0]?.clientSecret).toMatch(uuidPattern)
    expect(a.portals.map((portal) => [portal.portalId, portal.hubDomain])).toEqual([
      [2000001, 'northwind-demo.com'],
      [2000002, 'globex-demo.com'],
      [2000003, 'initech-demo.com'],
    ])
  })

  it("redirectUris option registers the app's redirect URLs", () => {
    const sim = createSimulator({ redirectUris: ['https://churnlens.example/cb', 'http://localhost:5173/cb'] })
    expect(sim.apps[0]?.redirectUris).toEqual(['https://churnlens.example/cb', 'http://localhost:5173/cb'])
  })
})

describe('fault switch', () => {
  it('answers the next N matching requests with the status and a HubSpot body, then recovers', async () => {
    const sim = createSimulator()
    sim.control.failNext({ pathPrefix: '/account-info', status: 503, count: 2 })
    const unrelated = await sim.fetch(`${apiHost}/oauth/v1/access-tokens/x`)
    expect(unrelated.status).toBe(404)
    for (let i = 0; i < 2; i++) {
      const response = await accountInfo(sim)
      expect(response.status).toBe(503)
      expect(await response.json()).toEqual({
        status: 'error',
        message: 'Service unavailable',
        correlationId: expect.stringMatching(uuidPattern),
        category: 'SIMULATED_FAULT',
      })
    }
    expect((await accountInfo(sim)).status).toBe(200)
    expect(sim.control.requestLog().map((entry) => entry.status)).toEqual([404, 503, 503, 200])
  })

  it("429 uses HubSpot's rate-limit body", async () => {
    const sim = createSimulator()
    sim.control.failNext({ status: 429, count: 1 })
    const response = await accountInfo(sim)
    expect(response.status).toBe(429)
    expect(await response.json()).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.stringMatching(uuidPattern),
      policyName: 'TEN_SECONDLY_ROLLING',
    })
  })

  it('status 0 drops the connection: Simulator.fetch throws like fetch does (504 over real HTTP)', async () => {
    const sim = createSimulator()
    sim.control.failNext({ pathPrefix: '/oauth/', status: 0, count: 1, delayMs: 20 })
    const started = Date.now()
    await expect(sim.fetch(`${apiHost}/oauth/v1/access-tokens/x`)).rejects.toThrow(TypeError)
    expect(Date.now() - started).toBeGreaterThanOrEqual(15)
    const raw = await sim.app.request('/oauth/v1/access-tokens/x')
    expect(raw.status).toBe(404)
  })

  it('never faults the control API', async () => {
    const sim = createSimulator()
    sim.control.failNext({ status: 500, count: 1 })
    expect((await control(sim, 'GET', '/apps')).status).toBe(200)
    expect((await accountInfo(sim)).status).toBe(500)
  })
})

describe('control API over HTTP', () => {
  it('lists apps and portals', async () => {
    const sim = createSimulator()
    expect(await (await control(sim, 'GET', '/apps')).json()).toEqual(sim.apps)
    const portals = (await (await control(sim, 'GET', '/portals')).json()) as {
      portalId: number
      privateAppToken: string
    }[]
    expect(portals.map((portal) => portal.privateAppToken)).toEqual(sim.portals.map((portal) => portal.privateAppToken))
  })

  it('advances the clock, expires tokens, changes scopes and revokes installs', async () => {
    const sim = createSimulator({ clock: fixedClock(Date.parse('2026-09-01T00:00:00.000Z')) })
    const tokens = await connect(sim)
    expect(await (await control(sim, 'POST', '/clock/advance', { ms: 60_000 })).json()).toEqual({
      now: Date.parse('2026-09-01T00:01:00.000Z'),
      iso: '2026-09-01T00:01:00.000Z',
    })
    expect(await (await control(sim, 'PUT', '/installs/2000001/scopes', { scopes: ['oauth'] })).json()).toEqual({
      scopes: ['oauth'],
    })
    expect(await (await control(sim, 'POST', '/tokens/expire', { accessToken: tokens.access_token })).json()).toEqual({
      expired: 1,
    })
    expect((await accountInfo(sim, tokens.access_token)).status).toBe(401)
    expect((await control(sim, 'POST', '/installs/2000001/revoke')).status).toBe(200)
    const again = await control(sim, 'POST', '/installs/2000001/revoke')
    expect(again.status).toBe(404)
    expect(await again.json()).toMatchObject({ category: 'OBJECT_NOT_FOUND' })
  })

  it('rejects bad bodies with a VALIDATION_ERROR naming the field', async () => {
    const sim = createSimulator()
    const response = await control(sim, 'POST', '/faults', { status: 302, count: 1 })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      errors: [{ context: { path: ['status'] } }],
    })
    expect((await control(sim, 'PATCH', '/settings', { unknownSetting: true })).status).toBe(400)
    expect((await control(sim, 'POST', '/clock/advance', { ms: -1 })).status).toBe(400)
  })

  it('sets faults and settings, shows issued tokens and the request log, and resets', async () => {
    const sim = createSimulator()
    expect(
      await (
        await control(sim, 'PATCH', '/settings', { accessTokenTtlSeconds: 120, rotateRefreshTokens: true })
      ).json(),
    ).toEqual({
      accessTokenTtlSeconds: 120,
      codeTtlSeconds: 300,
      rotateRefreshTokens: true,
      pkceRequired: false,
      denyRedirects: true,
      latencyMs: 0,
      rateLimitsEnabled: true,
      rateLimitPerTenSeconds: null,
      privateAppTier: 'starter',
      dailyLimit: null,
      searchPerSecond: 5,
      retryAfterOn429: false,
      searchIndexLagMs: 0,
    })
    const tokens = await connect(sim)
    expect(tokens.expires_in).toBe(120)
    expect(await (await control(sim, 'GET', '/issued-tokens')).json()).toEqual({
      accessTokens: [tokens.access_token],
      refreshTokens: [tokens.refresh_token],
    })

    expect((await control(sim, 'POST', '/faults', { pathPrefix: '/account-info', status: 502, count: 1 })).status).toBe(
      200,
    )
    expect((await accountInfo(sim)).status).toBe(502)
    const log = (await (await control(sim, 'GET', '/requests?pathPrefix=/account-info')).json()) as {
      total: number
      counts: Record<string, number>
    }
    expect(log).toMatchObject({ total: 1, counts: { 'GET /account-info/v3/details': 1 } })
    const all = (await (await control(sim, 'GET', '/requests')).json()) as { counts: Record<string, number> }
    expect(all.counts).toEqual({
      'GET /oauth/authorize': 1,
      'POST /oauth/authorize/decision': 1,
      'POST /oauth/v3/token': 1,
      'GET /account-info/v3/details': 1,
    })

    const clientId = sim.apps[0]?.clientId
    expect((await control(sim, 'POST', '/reset')).status).toBe(200)
    expect(sim.apps[0]?.clientId).toBe(clientId)
    expect(sim.control.requestLog()).toEqual([])
    expect(sim.control.issuedTokens()).toEqual({ accessTokens: [], refreshTokens: [] })
    expect((await accountInfo(sim, tokens.access_token)).status).toBe(401)
    expect((await connect(sim)).expires_in).toBe(1800)
  })
})

describe('slow HubSpot and private-app tokens', () => {
  it('a status-200 fault answers normally, only late; latencyMs delays every API call', async () => {
    const sim = createSimulator()
    const pat = sim.portals[0]!.privateAppToken
    const call = () =>
      sim.fetch('https://api.hubapi.com/account-info/v3/details', { headers: { authorization: `Bearer ${pat}` } })
    sim.control.failNext({ pathPrefix: '/account-info', status: 200, count: 1, delayMs: 150 })
    let started = performance.now()
    expect((await call()).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    sim.control.updateSettings({ latencyMs: 100 })
    started = performance.now()
    expect((await call()).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(90)
  })

  it("reads a private-app token's portal and scopes, and forgets a rotated token", async () => {
    const sim = createSimulator()
    const portal = sim.portals[1]!
    const info = (token: string) =>
      sim.fetch('https://api.hubapi.com/oauth/v2/private-apps/get/access-token-info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tokenKey: token }),
      })
    const res = await info(portal.privateAppToken)
    expect(await res.json()).toMatchObject({ hubId: portal.portalId, scopes: portal.privateAppScopes })
    const old = portal.privateAppToken
    const fresh = sim.control.rotatePrivateAppToken(portal.portalId)!
    expect((await info(old)).status).toBe(401)
    expect((await info(fresh)).status).toBe(200)
    const api = await sim.fetch('https://api.hubapi.com/account-info/v3/details', {
      headers: { authorization: `Bearer ${old}` },
    })
    expect(api.status).toBe(401)
  })
})
