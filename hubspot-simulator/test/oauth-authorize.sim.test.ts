import { describe, expect, it } from 'vitest'
import { createSimulator } from '../src/index'
import {
  apiHost,
  appHost,
  authorizeUrl,
  defaultApp,
  obtainCode,
  optionalScope,
  parseConsentForm,
  pkcePair,
  postForm,
  redirectUri,
  requiredScope,
  submitConsent,
  uuidPattern,
} from './helpers'

describe('GET /oauth/authorize consent page', () => {
  it('lists the app, its scopes and every portal, with the first one preselected', async () => {
    const sim = createSimulator()
    const { clientId } = defaultApp(sim)
    const response = await sim.fetch(
      authorizeUrl(appHost, {
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: requiredScope,
        optional_scope: optionalScope,
        state: 'xyz',
      }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    // No other site may frame the grant button (clickjacking).
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await response.text()
    expect(html).toContain('Connect Churnlens to your HubSpot account')
    for (const scope of [...requiredScope.split(' '), ...optionalScope.split(' ')])
      expect(html).toContain(`data-scope="${scope}"`)
    // Self-contained: no scripts, stylesheets or images fetched from elsewhere.
    expect(html).not.toMatch(/<(script|link|img)\b/)

    const form = parseConsentForm(html)
    expect(form.action).toBe('/oauth/authorize/decision')
    expect(form.buttons).toEqual(['Grant access', 'Deny'])
    expect(form.portals).toEqual([
      { portalId: '2000001', label: 'northwind-demo.com (2000001)', checked: true },
      { portalId: '2000002', label: 'globex-demo.com (2000002)', checked: false },
      { portalId: '2000003', label: 'initech-demo.com (2000003)', checked: false },
    ])
    expect(form.hidden).toEqual({
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: requiredScope,
      optional_scope: optionalScope,
      state: 'xyz',
    })
  })

  it('shows only the pinned account on /oauth/{portalId}/authorize and refuses another one', async () => {
    const sim = createSimulator()
    const { clientId } = defaultApp(sim)
    const page = await sim.fetch(
      authorizeUrl(appHost, { client_id: clientId, redirect_uri: redirectUri, scope: requiredScope }, 2000002),
    )
    const form = parseConsentForm(await page.text())
    expect(form.portals).toEqual([{ portalId: '2000002', label: 'globex-demo.com (2000002)', checked: true }])
    expect(form.hidden.account_id).toBe('2000002')

    const wrong = await postForm(sim.fetch, `${appHost}${form.action}`, {
      ...form.hidden,
      portalId: '2000001',
      decision: 'grant',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.headers.get('location')).toBeNull()
    expect(await wrong.text()).toContain('data-error-code="BAD_DECISION"')
  })
})

describe('consent decision', () => {
  it('completes the code flow with PKCE and binds the grant to the chosen portal', async () => {
    const sim = createSimulator()
    const app = defaultApp(sim)
    const { verifier, challenge } = pkcePair()
    const decision = await submitConsent(sim.fetch, {
      clientId: app.clientId,
      portalId: '2000002',
      params: {
        optional_scope: optionalScope,
        state: 'st-1',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
    })
    expect(decision.status).toBe(302)
    const location = new URL(decision.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri)
    expect([...location.searchParams.keys()]).toEqual(['code', 'state'])
    expect(location.searchParams.get('state')).toBe('st-1')
    const code = location.searchParams.get('code') ?? ''
    expect(code).toMatch(uuidPattern)

    const token = await postForm(sim.fetch, `${apiHost}/oauth/2026-03/token`, {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: redirectUri,
      code,
      code_verifier: verifier,
    })
    expect(token.status).toBe(200)
    const body = (await token.json()) as Record<string, unknown>
    // HubSpot's order; hub_id and scopes since 2025-08, token_use and user_id on the v3 and dated endpoints.
    expect(Object.keys(body)).toEqual([
      'token_type',
      'refresh_token',
      'hub_id',
      'scopes',
      'access_token',
      'expires_in',
      'token_use',
      'user_id',
    ])
    expect(body).toEqual({
      token_type: 'bearer',
      refresh_token: expect.stringMatching(/^na1-[0-9a-f]{4}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/),
      hub_id: 2000002,
      scopes: [...requiredScope.split(' '), ...optionalScope.split(' ')],
      access_token: expect.stringMatching(/^C[\w-]+$/),
      expires_in: 1800,
      token_use: 'access_token',
      user_id: expect.any(Number),
    })
    expect(String(body.access_token).length).toBeLessThanOrEqual(300)

    const info = await sim.fetch(`${apiHost}/oauth/v1/access-tokens/${String(body.access_token)}`)
    expect(await info.json()).toMatchObject({
      hub_id: 2000002,
      hub_domain: 'globex-demo.com',
      scopes: [...requiredScope.split(' '), ...optionalScope.split(' ')],
    })
  })

  it('redirects Deny with access_denied, a description and the state', async () => {
    const sim = createSimulator()
    const decision = await submitConsent(sim.fetch, {
      clientId: defaultApp(sim).clientId,
      decision: 'deny',
      params: { state: 'st-2' },
    })
    expect(decision.status).toBe(302)
    const location = new URL(decision.headers.get('location') ?? '')
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'The user denied access to the app.',
      state: 'st-2',
    })
    expect(location.search).toContain('error_description=The+user+denied')
  })

  it("sends nothing back on Deny when denyRedirects is off (HubSpot's older behaviour)", async () => {
    const sim = createSimulator({ settings: { denyRedirects: false } })
    const decision = await submitConsent(sim.fetch, { clientId: defaultApp(sim).clientId, decision: 'deny' })
    expect(decision.status).toBe(200)
    expect(decision.headers.get('location')).toBeNull()
    expect(await decision.text()).toContain('Access not granted')
  })

  it('silently drops optional scopes the portal cannot grant (initech)', async () => {
    const sim = createSimulator()
    const app = defaultApp(sim)
    const code = await obtainCode(sim.fetch, {
      clientId: app.clientId,
      portalId: '2000003',
      params: { optional_scope: optionalScope },
    })
    const token = await postForm(sim.fetch, `${apiHost}/oauth/v1/token`, {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: redirectUri,
      code,
    })
    const { access_token } = (await token.json()) as { access_token: string }
    const info = (await (await sim.fetch(`${apiHost}/oauth/v1/access-tokens/${access_token}`)).json()) as {
      scopes: string[]
      hub_domain: string
    }
    expect(info.hub_domain).toBe('initech-demo.com')
    expect(info.scopes).toEqual(requiredScope.split(' '))
  })

  it('re-validates the hidden fields instead of trusting them', async () => {
    const sim = createSimulator()
    const page = await sim.fetch(
      authorizeUrl(appHost, { client_id: defaultApp(sim).clientId, redirect_uri: redirectUri, scope: requiredScope }),
    )
    const form = parseConsentForm(await page.text())
    const tampered = await postForm(sim.fetch, `${appHost}${form.action}`, {
      ...form.hidden,
      redirect_uri: 'https://evil.example/cb',
      portalId: '2000001',
      decision: 'grant',
    })
    expect(tampered.status).toBe(400)
    expect(tampered.headers.get('location')).toBeNull()
    expect(await tampered.text()).toContain('data-error-code="REDIRECT_URI_MISMATCH"')
  })
})

describe('authorize error pages (shown, never redirected)', () => {
  const cases: {
    name: string
    params: (clientId: string) => Record<string, string>
    code: string
    text: string
    settings?: { pkceRequired: boolean }
  }[] = [
    {
      name: 'unknown client_id',
      params: () => ({ client_id: 'nope', redirect_uri: redirectUri, scope: requiredScope }),
      code: 'INVALID_CLIENT_ID',
      text: 'doesn&#39;t belong to any app',
    },
    {
      name: 'unregistered redirect_uri',
      params: (id) => ({ client_id: id, redirect_uri: 'http://localhost:3000/other', scope: requiredScope }),
      code: 'REDIRECT_URI_MISMATCH',
      text: 'Authorization failed as the redirect URL http://localhost:3000/other doesn&#39;t match the app&#39;s registered redirect URL.',
    },
    {
      name: 'a scope the app does not configure',
      params: (id) => ({ client_id: id, redirect_uri: redirectUri, scope: `${requiredScope} crm.objects.deals.write` }),
      code: 'SCOPE_MISMATCH',
      text: 'mismatch between the scopes in the install URL and the app&#39;s configured scopes: crm.objects.deals.write.',
    },
    {
      name: 'an unconfigured optional scope',
      params: (id) => ({
        client_id: id,
        redirect_uri: redirectUri,
        scope: requiredScope,
        optional_scope: 'e-commerce',
      }),
      code: 'SCOPE_MISMATCH',
      text: 'configured scopes: e-commerce.',
    },
    {
      name: 'a required scope left out',
      params: (id) => ({ client_id: id, redirect_uri: redirectUri, scope: 'oauth tickets' }),
      code: 'MISSING_REQUIRED_SCOPES',
      text: 'missing scopes the app requires: crm.objects.companies.read, crm.objects.contacts.read.',
    },
    {
      name: 'a plain PKCE challenge',
      params: (id) => ({
        client_id: id,
        redirect_uri: redirectUri,
        scope: requiredScope,
        code_challenge: 'abc',
        code_challenge_method: 'plain',
      }),
      code: 'UNSUPPORTED_CHALLENGE_METHOD',
      text: 'code_challenge_method must be S256',
    },
    {
      name: 'no PKCE when the app requires it',
      params: (id) => ({ client_id: id, redirect_uri: redirectUri, scope: requiredScope }),
      code: 'PKCE_REQUIRED',
      text: 'PKCE is required for this authorization request',
      settings: { pkceRequired: true },
    },
  ]

  it.each(cases)('$name → $code', async ({ params, code, text, settings }) => {
    const sim = createSimulator(settings ? { settings } : {})
    const response = await sim.fetch(authorizeUrl(appHost, params(defaultApp(sim).clientId)))
    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
    const html = await response.text()
    expect(html).toContain(`data-error-code="${code}"`)
    expect(html).toContain(text)
  })

  it('unknown pinned account → UNKNOWN_PORTAL', async () => {
    const sim = createSimulator()
    const response = await sim.fetch(
      authorizeUrl(
        appHost,
        { client_id: defaultApp(sim).clientId, redirect_uri: redirectUri, scope: requiredScope },
        999,
      ),
    )
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('data-error-code="UNKNOWN_PORTAL"')
  })
})
