import { describe, expect, it } from 'vitest'
import type { Simulator } from '../src/index'
import { createSimulator } from '../src/index'
import { apiHost, bearer, connect, defaultApp, fixedClock, postForm, requiredScope, uuidPattern } from './helpers'

function introspect(
  sim: Simulator,
  token: string,
  extra: Record<string, string> = {},
  path = '/oauth/2026-03/token/introspect',
) {
  const app = defaultApp(sim)
  return postForm(sim.fetch, `${apiHost}${path}`, {
    client_id: app.clientId,
    client_secret: app.clientSecret,
    token,
    ...extra,
  })
}

function revoke(sim: Simulator, token: string, path = '/oauth/2026-03/token/revoke') {
  const app = defaultApp(sim)
  return postForm(sim.fetch, `${apiHost}${path}`, {
    client_id: app.clientId,
    client_secret: app.clientSecret,
    token,
    token_type_hint: 'refresh_token',
  })
}

function refresh(sim: Simulator, refreshToken: string) {
  const app = defaultApp(sim)
  return postForm(sim.fetch, `${apiHost}/oauth/2026-03/token`, {
    grant_type: 'refresh_token',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    refresh_token: refreshToken,
  })
}

const accountInfo = (sim: Simulator, token: string) => sim.fetch(`${apiHost}/account-info/v3/details`, bearer(token))

describe('introspection', () => {
  it('describes a live access token', async () => {
    const sim = createSimulator({ clock: fixedClock() })
    const tokens = await connect(sim)
    sim.control.advanceClock(100_000)
    const app = defaultApp(sim)
    const portal = sim.portals[0]
    const response = await introspect(sim, tokens.access_token, { token_type_hint: 'access_token' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      active: true,
      token_use: 'access_token',
      token: tokens.access_token,
      app_id: app.appId,
      client_id: app.clientId,
      hub_id: 2000001,
      hub_domain: 'northwind-demo.com',
      user: 'ada@northwind-demo.com',
      user_id: portal?.users[0]?.userId,
      scopes: requiredScope.split(' '),
      expires_in: 1700,
      token_type: 'access',
      is_private_distribution: false,
      signed_access_token: expect.objectContaining({
        hubId: 2000001,
        appId: app.appId,
        userId: portal?.users[0]?.userId,
        expiresAt: expect.any(Number),
        appInstallId: expect.any(String),
        audience: String(app.appId),
      }),
    })
  })

  it.each(['/oauth/v3/token/introspect', '/oauth/2026-09/token/introspect'])(
    'describes a refresh token on %s',
    async (path) => {
      const sim = createSimulator()
      const tokens = await connect(sim)
      const app = defaultApp(sim)
      expect(
        await (await introspect(sim, tokens.refresh_token, { token_type_hint: 'refresh_token' }, path)).json(),
      ).toEqual({
        active: true,
        token_use: 'refresh_token',
        token: tokens.refresh_token,
        app_id: app.appId,
        client_id: app.clientId,
        hub_id: 2000001,
        hub_domain: 'northwind-demo.com',
        user: 'ada@northwind-demo.com',
        user_id: sim.portals[0]?.users[0]?.userId,
        scopes: requiredScope.split(' '),
        token_type: 'refresh',
      })
    },
  )

  it('answers {"active":false} for unknown, expired and revoked tokens', async () => {
    const sim = createSimulator()
    const tokens = await connect(sim)
    expect(await (await introspect(sim, 'garbage')).json()).toEqual({ active: false })
    sim.control.expireAccessTokens({ accessToken: tokens.access_token })
    const expired = await introspect(sim, tokens.access_token)
    expect(expired.status).toBe(200)
    expect(await expired.json()).toEqual({ active: false })
    await revoke(sim, tokens.refresh_token)
    expect(await (await introspect(sim, tokens.refresh_token)).json()).toEqual({ active: false })
  })

  it('400 invalid_client for bad client credentials', async () => {
    const sim = createSimulator()
    const response = await introspect(sim, 'x', { client_secret: 'wrong' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      status: 'BAD_CLIENT_SECRET',
      message: 'missing or invalid client secret',
      error: 'invalid_client',
      error_description: 'missing or invalid client secret',
    })
  })
})

describe('revocation', () => {
  it('revoking the refresh token makes refresh fail, while the access token lives until expiry', async () => {
    const sim = createSimulator()
    const tokens = await connect(sim)
    const response = await revoke(sim, tokens.refresh_token)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
    const refreshed = await refresh(sim, tokens.refresh_token)
    expect(refreshed.status).toBe(400)
    expect(await refreshed.json()).toMatchObject({
      status: 'BAD_REFRESH_TOKEN',
      message: 'refresh token is invalid, expired or revoked',
      error: 'invalid_grant',
    })
    expect((await accountInfo(sim, tokens.access_token)).status).toBe(200)
  })

  it('revoking an access token kills only that token; unknown tokens answer 200 too', async () => {
    const sim = createSimulator()
    const tokens = await connect(sim)
    expect((await revoke(sim, tokens.access_token, '/oauth/v3/token/revoke')).status).toBe(200)
    expect((await accountInfo(sim, tokens.access_token)).status).toBe(401)
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(200)
    expect((await revoke(sim, 'unknown')).status).toBe(200)
  })
})

describe('v1 token metadata', () => {
  it('counts expires_in down with the clock', async () => {
    const sim = createSimulator({ clock: fixedClock() })
    const tokens = await connect(sim)
    const read = async () =>
      (await (await sim.fetch(`${apiHost}/oauth/v1/access-tokens/${tokens.access_token}`)).json()) as Record<
        string,
        unknown
      >
    const first = await read()
    expect(first).toEqual({
      token: tokens.access_token,
      user: 'ada@northwind-demo.com',
      hub_domain: 'northwind-demo.com',
      scopes: requiredScope.split(' '),
      hub_id: 2000001,
      app_id: defaultApp(sim).appId,
      expires_in: 1800,
      user_id: sim.portals[0]?.users[0]?.userId,
      token_type: 'access',
      is_private_distribution: false,
      // v1 metadata's signed token has no appInstallId or audience (as recorded from a live portal).
      signed_access_token: expect.not.objectContaining({ appInstallId: expect.anything() }),
    })
    expect(first.signed_access_token).toMatchObject({ hubId: 2000001, expiresAt: expect.any(Number) })
    sim.control.advanceClock(90_500)
    expect((await read()).expires_in).toBe(1709)
  })

  it('404 with a HubSpot body for an unknown access token', async () => {
    const sim = createSimulator()
    const response = await sim.fetch(`${apiHost}/oauth/v1/access-tokens/nope`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      status: 'error',
      message: 'Access token not found',
      correlationId: expect.stringMatching(uuidPattern),
    })
  })

  it('reads and deletes a refresh token; the DELETE answers 204 and refresh then fails', async () => {
    const sim = createSimulator()
    const tokens = await connect(sim)
    const info = await sim.fetch(`${apiHost}/oauth/v1/refresh-tokens/${tokens.refresh_token}`)
    expect(await info.json()).toEqual({
      token: tokens.refresh_token,
      user: 'ada@northwind-demo.com',
      hub_domain: 'northwind-demo.com',
      scopes: requiredScope.split(' '),
      hub_id: 2000001,
      client_id: defaultApp(sim).clientId,
      user_id: sim.portals[0]?.users[0]?.userId,
      token_type: 'refresh',
    })
    const deleted = await sim.fetch(`${apiHost}/oauth/v1/refresh-tokens/${tokens.refresh_token}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(400)
    expect((await accountInfo(sim, tokens.access_token)).status).toBe(200)
    expect((await sim.fetch(`${apiHost}/oauth/v1/refresh-tokens/${tokens.refresh_token}`)).status).toBe(404)
  })
})

describe('uninstall', () => {
  it('DELETE /appinstalls/v3/external-install answers 204 and kills every token of the install', async () => {
    const sim = createSimulator()
    const tokens = await connect(sim)
    const other = await connect(sim, '2000002')
    const response = await sim.fetch(`${apiHost}/appinstalls/v3/external-install`, {
      method: 'DELETE',
      ...bearer(tokens.access_token),
    })
    expect(response.status).toBe(204)

    const after = await accountInfo(sim, tokens.access_token)
    expect(after.status).toBe(401)
    expect(await after.json()).toMatchObject({ category: 'INVALID_AUTHENTICATION' })
    expect(await (await refresh(sim, tokens.refresh_token)).json()).toMatchObject({ status: 'BAD_REFRESH_TOKEN' })
    expect(await (await introspect(sim, tokens.access_token)).json()).toEqual({ active: false })
    // Other portals keep their install.
    expect((await accountInfo(sim, other.access_token)).status).toBe(200)
  })

  it('control.revokeInstall does the same ("the user uninstalled the app"), and reinstalling does not revive old tokens', async () => {
    const sim = createSimulator()
    const tokens = await connect(sim)
    expect(sim.control.revokeInstall(2000001)).toBe(true)
    expect(sim.control.revokeInstall(2000001)).toBe(false)
    const fresh = await connect(sim)
    expect((await accountInfo(sim, fresh.access_token)).status).toBe(200)
    expect((await accountInfo(sim, tokens.access_token)).status).toBe(401)
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(400)
  })
})
