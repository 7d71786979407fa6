import { describe, expect, it } from 'vitest'
import { createSimulator } from '../src/index'
import { apiHost, bearer, connect, fixedClock, uuidPattern } from './helpers'

const invalidAuthentication = {
  status: 'error',
  message:
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  correlationId: expect.stringMatching(uuidPattern),
  category: 'INVALID_AUTHENTICATION',
}

const accountDetails = {
  accountType: 'STANDARD',
  timeZone: 'US/Eastern',
  companyCurrency: 'USD',
  additionalCurrencies: [],
  utcOffset: '-05:00',
  utcOffsetMilliseconds: -18000000,
  uiDomain: 'app.hubspot.com',
  dataHostingLocation: 'na1',
}

describe('bearer auth', () => {
  it.each([
    ['no Authorization header', {}],
    ['an unknown token', bearer('CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2')],
    ['a non-bearer scheme', { headers: { authorization: 'Basic abc' } }],
  ])('401 INVALID_AUTHENTICATION for %s', async (_name, init) => {
    const sim = createSimulator()
    const response = await sim.fetch(`${apiHost}/account-info/v3/details`, init)
    expect(response.status).toBe(401)
    expect(response.headers.get('x-hubspot-auth-failure')).toBe('401 Unauthorized')
    const body = (await response.json()) as { correlationId: string }
    expect(body).toEqual(invalidAuthentication)
    expect(response.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId)
  })

  it('accepts a live OAuth token', async () => {
    const sim = createSimulator()
    const { access_token } = await connect(sim, '2000002')
    const response = await sim.fetch(`${apiHost}/account-info/v3/details`, bearer(access_token))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ portalId: 2000002, ...accountDetails })
  })

  it('accepts a private-app token, so one can be validated with account-info', async () => {
    const sim = createSimulator()
    const portal = sim.portals[2]
    expect(portal?.privateAppToken).toMatch(/^pat-na1-[0-9a-f-]{36}$/)
    const response = await sim.fetch(`${apiHost}/account-info/v3/details`, bearer(portal?.privateAppToken ?? ''))
    expect(await response.json()).toEqual({ portalId: 2000003, ...accountDetails })
  })

  it('401 EXPIRED_AUTHENTICATION with "expired N second(s) ago" and the expire time', async () => {
    const start = Date.parse('2026-09-01T12:00:00.000Z')
    const sim = createSimulator({ clock: fixedClock(start) })
    const { access_token } = await connect(sim)
    sim.control.advanceClock(1800_000 + 42_700)
    const response = await sim.fetch(`${apiHost}/account-info/v3/details`, bearer(access_token))
    expect(response.status).toBe(401)
    expect(response.headers.get('x-hubspot-auth-failure')).toBe('401 Unauthorized')
    expect(await response.json()).toEqual({
      status: 'error',
      message: 'The OAuth token used to make this call expired 42 second(s) ago.',
      correlationId: expect.stringMatching(uuidPattern),
      category: 'EXPIRED_AUTHENTICATION',
      context: { 'expire time': ['2026-09-01T12:30:00.000Z'] },
    })
  })

  it.each([
    [0, '0 second(s)'],
    [3_599_000, '3599 second(s)'],
    [7_200_000, '2 hour(s)'],
    [3 * 86_400_000 + 5_000, '3 day(s)'],
  ])('after expireAccessTokens and %i ms: "expired %s ago"', async (elapsed, text) => {
    const sim = createSimulator({ clock: fixedClock() })
    const { access_token } = await connect(sim)
    expect(sim.control.expireAccessTokens({ portalId: 2000001 })).toBe(1)
    sim.control.advanceClock(elapsed)
    const body = (await (await sim.fetch(`${apiHost}/account-info/v3/details`, bearer(access_token))).json()) as {
      message: string
    }
    expect(body.message).toBe(`The OAuth token used to make this call expired ${text} ago.`)
  })

  it('403 MISSING_SCOPES when the token lacks a required scope', async () => {
    const sim = createSimulator()
    const portal = sim.portals[0]
    // Private-app tokens have no `oauth` scope, which the uninstall API requires.
    const response = await sim.fetch(`${apiHost}/appinstalls/v3/external-install`, {
      method: 'DELETE',
      ...bearer(portal?.privateAppToken ?? ''),
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      status: 'error',
      message:
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      correlationId: expect.stringMatching(uuidPattern),
      errors: [
        { message: 'One or more of the following scopes are required.', context: { requiredScopes: ['oauth'] } },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
      category: 'MISSING_SCOPES',
    })
  })

  it('setGrantedScopes changes what existing tokens may do', async () => {
    const sim = createSimulator()
    const { access_token } = await connect(sim)
    expect(sim.control.setGrantedScopes(2000001, ['tickets'])).toBe(true)
    const response = await sim.fetch(`${apiHost}/appinstalls/v3/external-install`, {
      method: 'DELETE',
      ...bearer(access_token),
    })
    expect(response.status).toBe(403)
    expect(sim.control.setGrantedScopes(2000002, ['tickets'])).toBe(false)
  })

  it('every response carries X-HubSpot-Correlation-Id, also 404s', async () => {
    const sim = createSimulator()
    // Not a /crm/ path: those now exist and answer 401 without a token, as HubSpot does.
    const response = await sim.fetch(`${apiHost}/no-such-api/v1/anything`)
    expect(response.status).toBe(404)
    expect(response.headers.get('x-hubspot-correlation-id')).toMatch(uuidPattern)
  })
})
