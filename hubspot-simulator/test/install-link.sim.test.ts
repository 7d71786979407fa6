import { describe, expect, it } from 'vitest'
import { createSimulator } from '../src/index'
import { apiHost, appHost, defaultApp, parseConsentForm, postForm, redirectUri, requiredScope } from './helpers'

describe('GET /install, the app install link', () => {
  it('opens the consent page with the registered redirect URL and scopes, but no state and no PKCE', async () => {
    const sim = createSimulator()
    const { clientId, clientSecret } = defaultApp(sim)
    const link = await sim.fetch(`${appHost}/install`)
    expect(link.status).toBe(302)
    const authorize = new URL(link.headers.get('location') ?? '', appHost)
    expect(authorize.pathname).toBe('/oauth/authorize')
    expect(authorize.searchParams.get('client_id')).toBe(clientId)
    expect(authorize.searchParams.get('redirect_uri')).toBe(redirectUri)
    expect(authorize.searchParams.get('scope')).toBe(requiredScope)
    expect(authorize.searchParams.has('state')).toBe(false)
    expect(authorize.searchParams.has('code_challenge')).toBe(false)

    const page = await sim.fetch(authorize.toString())
    expect(page.status).toBe(200)
    const form = parseConsentForm(await page.text())
    const granted = await postForm(sim.fetch, `${appHost}${form.action}`, {
      ...form.hidden,
      portalId: '2000002',
      decision: 'grant',
    })
    const back = new URL(granted.headers.get('location') ?? '')
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri)
    expect(back.searchParams.has('state')).toBe(false)
    const code = back.searchParams.get('code') ?? ''

    // Without a challenge at consent, the code is exchanged without a verifier.
    const tokens = await postForm(sim.fetch, `${apiHost}/oauth/v1/token`, {
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uri: redirectUri,
      code,
    })
    expect(tokens.status).toBe(200)
    expect(await tokens.json()).toMatchObject({ hub_id: 2000002 })
  })

  it('pins the account when the link names one, and refuses an unknown app', async () => {
    const sim = createSimulator()
    const pinned = await sim.fetch(`${appHost}/install?portalId=2000001`)
    expect(new URL(pinned.headers.get('location') ?? '', appHost).pathname).toBe('/oauth/2000001/authorize')
    expect((await sim.fetch(`${appHost}/install?appId=1`)).status).toBe(400)
  })
})
