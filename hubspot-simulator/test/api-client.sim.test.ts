import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Client } from '@hubspot/api-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSimulator } from '../src/index'
import { defaultApp, fixedClock, obtainCode, redirectUri, requiredScope } from './helpers'

/** HubSpot's own Node client, pointed at the simulator over real HTTP, works unchanged. */
describe('@hubspot/api-client against the real HTTP server', () => {
  const sim = createSimulator({ seed: 'api-client', clock: fixedClock() })
  let server: ReturnType<typeof serve>
  let basePath = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        basePath = `http://127.0.0.1:${info.port}`
        resolve()
      })
    })
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('exchanges a code, reads token metadata and refreshes', async () => {
    const app = defaultApp(sim)
    const code = await obtainCode(fetch, { base: basePath, clientId: app.clientId, portalId: '2000002' })
    const client = new Client({ basePath })

    const tokens = await client.oauth.tokensApi.create(
      'authorization_code',
      code,
      redirectUri,
      app.clientId,
      app.clientSecret,
    )
    expect(tokens).toMatchObject({ tokenType: 'bearer', expiresIn: 1800 })
    expect(tokens.accessToken).toMatch(/^C/)

    const info = await client.oauth.accessTokensApi.get(tokens.accessToken)
    expect(info).toMatchObject({
      hubId: 2000002,
      hubDomain: 'globex-demo.com',
      appId: app.appId,
      expiresIn: 1800,
      tokenType: 'access',
      scopes: requiredScope.split(' '),
    })

    const refreshed = await client.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      app.clientId,
      app.clientSecret,
      tokens.refreshToken,
    )
    expect(refreshed.refreshToken).toBe(tokens.refreshToken)
    const refreshInfo = await client.oauth.refreshTokensApi.get(tokens.refreshToken)
    expect(refreshInfo).toMatchObject({ hubId: 2000002, clientId: app.clientId })
  })

  it('surfaces HubSpot error bodies through ApiException', async () => {
    const app = defaultApp(sim)
    const client = new Client({ basePath })
    await expect(
      client.oauth.tokensApi.create('authorization_code', 'bogus', redirectUri, app.clientId, app.clientSecret),
    ).rejects.toMatchObject({
      code: 400,
      body: { status: 'BAD_AUTH_CODE', message: 'missing or unknown auth code' },
    })
  })
})
