import { describe, expect, it } from 'vitest'
import type { Simulator } from '../src/index'
import { createSimulator } from '../src/index'
import {
  apiHost,
  connect,
  defaultApp,
  obtainCode,
  pkcePair,
  postForm,
  redirectUri,
  uuidPattern,
  fixedClock,
} from './helpers'

function errorBody(status: string, error: string, message: string) {
  return { status, message, error, error_description: message }
}

async function codeFor(sim: Simulator, params: Record<string, string> = {}): Promise<string> {
  return obtainCode(sim.fetch, { clientId: defaultApp(sim).clientId, params })
}

function exchange(sim: Simulator, overrides: Record<string, string>, path = '/oauth/v3/token'): Promise<Response> {
  const app = defaultApp(sim)
  return postForm(sim.fetch, `${apiHost}${path}`, {
    grant_type: 'authorization_code',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    redirect_uri: redirectUri,
    ...overrides,
  })
}

function refresh(sim: Simulator, refreshToken: string, overrides: Record<string, string> = {}): Promise<Response> {
  const app = defaultApp(sim)
  return postForm(sim.fetch, `${apiHost}/oauth/v1/token`, {
    grant_type: 'refresh_token',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    refresh_token: refreshToken,
    ...overrides,
  })
}

describe('token endpoint errors (400, legacy + RFC 6749 shapes)', () => {
  const cases: { name: string; overrides: Record<string, string>; body: ReturnType<typeof errorBody> }[] = [
    {
      name: 'unknown client_id',
      overrides: { client_id: 'not-a-client' },
      body: errorBody('BAD_CLIENT_ID', 'invalid_client', 'missing or invalid client id'),
    },
    {
      name: 'wrong client_secret',
      overrides: { client_secret: 'wrong' },
      body: errorBody('BAD_CLIENT_SECRET', 'invalid_client', 'missing or invalid client secret'),
    },
    {
      name: 'unsupported grant_type',
      overrides: { grant_type: 'password' },
      body: errorBody('BAD_GRANT_TYPE', 'unsupported_grant_type', 'missing or unsupported grant_type'),
    },
    {
      name: 'unknown code',
      overrides: { code: 'no-such-code' },
      body: errorBody('BAD_AUTH_CODE', 'invalid_grant', 'missing or unknown auth code'),
    },
    {
      name: 'missing code',
      overrides: { code: '' },
      body: errorBody('BAD_AUTH_CODE', 'invalid_grant', 'missing or unknown auth code'),
    },
    {
      name: 'redirect_uri differs from authorize',
      overrides: { redirect_uri: 'http://localhost:3000/other' },
      body: errorBody(
        'BAD_REDIRECT_URI',
        'invalid_grant',
        'redirect_uri does not match the redirect_uri used to obtain the auth code',
      ),
    },
  ]

  it.each(cases)('$name → $body.status', async ({ overrides, body }) => {
    const sim = createSimulator()
    const code = await codeFor(sim)
    const response = await exchange(sim, { code, ...overrides })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toContain('application/json')
    const json = await response.json()
    // No correlationId in the body (HubSpot's example of a dated-endpoint token error has none); the header has it.
    expect(json).toEqual(body)
    expect(response.headers.get('x-hubspot-correlation-id')).toMatch(uuidPattern)
  })

  it('rejects a JSON body (form-encoded only)', async () => {
    const sim = createSimulator()
    const app = defaultApp(sim)
    const response = await sim.fetch(`${apiHost}/oauth/v3/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        code: await codeFor(sim),
        redirect_uri: redirectUri,
      }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual(
      errorBody('BAD_CONTENT_TYPE', 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded'),
    )
  })

  it('BAD_AUTH_CODE for a wrong PKCE verifier, and the code still works with the right one', async () => {
    const sim = createSimulator()
    const { verifier, challenge } = pkcePair()
    const code = await codeFor(sim, { code_challenge: challenge, code_challenge_method: 'S256' })
    const wrong = await exchange(sim, { code, code_verifier: pkcePair().verifier })
    expect(await wrong.json()).toEqual(errorBody('BAD_AUTH_CODE', 'invalid_grant', 'missing or unknown auth code'))
    const missing = await exchange(sim, { code })
    expect(missing.status).toBe(400)
    expect((await exchange(sim, { code, code_verifier: verifier })).status).toBe(200)
  })

  it('a code is single-use', async () => {
    const sim = createSimulator()
    const code = await codeFor(sim)
    expect((await exchange(sim, { code })).status).toBe(200)
    const reused = await exchange(sim, { code })
    expect(reused.status).toBe(400)
    expect(await reused.json()).toEqual(errorBody('BAD_AUTH_CODE', 'invalid_grant', 'missing or unknown auth code'))
  })

  it('a code expires after codeTtlSeconds on the simulator clock', async () => {
    const sim = createSimulator()
    const code = await codeFor(sim)
    sim.control.advanceClock(300_000)
    const expired = await exchange(sim, { code })
    expect(expired.status).toBe(400)
    expect(await expired.json()).toEqual(errorBody('EXPIRED_AUTH_CODE', 'invalid_grant', 'auth code has expired'))
  })

  it('a code is still good just before codeTtlSeconds (configurable)', async () => {
    const sim = createSimulator({ clock: fixedClock() }) // a real clock would tick past the boundary under load
    sim.control.updateSettings({ codeTtlSeconds: 30 })
    const code = await codeFor(sim)
    sim.control.advanceClock(29_999)
    expect((await exchange(sim, { code })).status).toBe(200)
  })

  it('a code dies with its install', async () => {
    const sim = createSimulator()
    const code = await codeFor(sim)
    sim.control.revokeInstall(2000001)
    expect(await (await exchange(sim, { code })).json()).toMatchObject({ status: 'BAD_AUTH_CODE' })
  })
})

describe('token endpoint paths', () => {
  it.each(['/oauth/v1/token', '/oauth/v3/token', '/oauth/2026-03/token', '/oauth/2026-09/token'])(
    '%s exchanges a code',
    async (path) => {
      const sim = createSimulator()
      const response = await exchange(sim, { code: await codeFor(sim) }, path)
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ token_type: 'bearer', expires_in: 1800 })
    },
  )

  it('v1 also takes its parameters from the query string; v3 does not', async () => {
    const sim = createSimulator()
    const app = defaultApp(sim)
    const query = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: redirectUri,
      code: await codeFor(sim),
    })
    const v3 = await sim.fetch(`${apiHost}/oauth/v3/token?${query.toString()}`, { method: 'POST' })
    expect(await v3.json()).toMatchObject({ status: 'BAD_CONTENT_TYPE' })
    const v1 = await sim.fetch(`${apiHost}/oauth/v1/token?${query.toString()}`, { method: 'POST' })
    expect(v1.status).toBe(200)
  })

  it('expires_in follows accessTokenTtlSeconds', async () => {
    const sim = createSimulator({ settings: { accessTokenTtlSeconds: 60 } })
    expect((await connect(sim)).expires_in).toBe(60)
  })
})

describe('refresh_token grant', () => {
  it('returns a new access token and the same refresh token (redirect_uri ignored)', async () => {
    const sim = createSimulator()
    const first = await connect(sim)
    const response = await refresh(sim, first.refresh_token, { redirect_uri: 'http://ignored.example/' })
    expect(response.status).toBe(200)
    const second = (await response.json()) as typeof first
    // v1: hub_id and scopes since 2025-08, no token_use or user_id.
    expect(second).toEqual({
      token_type: 'bearer',
      refresh_token: first.refresh_token,
      hub_id: 2000001,
      scopes: expect.arrayContaining(['oauth']),
      access_token: expect.any(String),
      expires_in: 1800,
    })
    expect(second.access_token).not.toBe(first.access_token)
  })

  it('rotates when rotateRefreshTokens is on, and the old refresh token dies', async () => {
    const sim = createSimulator()
    sim.control.updateSettings({ rotateRefreshTokens: true })
    const first = await connect(sim)
    const second = (await (await refresh(sim, first.refresh_token)).json()) as typeof first
    expect(second.refresh_token).not.toBe(first.refresh_token)
    const stale = await refresh(sim, first.refresh_token)
    expect(stale.status).toBe(400)
    expect(await stale.json()).toEqual(
      errorBody('BAD_REFRESH_TOKEN', 'invalid_grant', 'refresh token is invalid, expired or revoked'),
    )
    expect((await refresh(sim, second.refresh_token)).status).toBe(200)
  })

  it('BAD_REFRESH_TOKEN for an unknown token', async () => {
    const sim = createSimulator()
    const response = await refresh(sim, 'na1-0000-0000-0000-0000-000000000000')
    expect(await response.json()).toEqual(
      errorBody('BAD_REFRESH_TOKEN', 'invalid_grant', 'refresh token is invalid, expired or revoked'),
    )
  })

  it('BAD_REFRESH_TOKEN when the token was issued to another client', async () => {
    const sim = createSimulator()
    const { refresh_token } = await connect(sim)
    sim.apps.push({
      ...defaultApp(sim),
      appId: 42,
      name: 'Other',
      clientId: 'other-client',
      clientSecret: 'other-secret',
    })
    const response = await refresh(sim, refresh_token, { client_id: 'other-client', client_secret: 'other-secret' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual(
      errorBody('BAD_REFRESH_TOKEN', 'invalid_grant', 'refresh token was not issued to this client'),
    )
  })

  it('checks client credentials before the refresh token', async () => {
    const sim = createSimulator()
    const { refresh_token } = await connect(sim)
    expect(await (await refresh(sim, refresh_token, { client_secret: 'x' })).json()).toMatchObject({
      status: 'BAD_CLIENT_SECRET',
      error: 'invalid_client',
    })
  })
})
