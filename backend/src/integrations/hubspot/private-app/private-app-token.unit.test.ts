import { describe, expect, it } from 'vitest'
import { processAccountDetails } from '../account/get-account-details'
import { processProbeResponse } from './probe-token'
import { processTokenInfoResponse, tokenInfoRequest } from './token-info'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status })
const app = {
  clientId: 'c',
  clientSecret: 's',
  redirectUri: 'r',
  authorizeUrl: 'a',
  apiBaseUrl: 'https://api.hubapi.com',
}

describe('checking a private-app token', () => {
  it('sends the token in the body, never the URL', async () => {
    const request = tokenInfoRequest(app, 'pat-na1-secret')
    expect(request.url).toBe('https://api.hubapi.com/oauth/v2/private-apps/get/access-token-info')
    expect(await request.json()).toEqual({ tokenKey: 'pat-na1-secret' })
  })

  it.each([
    [
      json(200, { hubId: 42, scopes: ['tickets'], appId: 1, userId: 2 }),
      { ok: true, value: { hubId: 42, scopes: ['tickets'] } },
    ],
    [json(401, { category: 'INVALID_AUTHENTICATION' }), { ok: false, error: 'api_key_invalid' }],
    [json(429, {}), { ok: false, error: 'hubspot_unavailable' }],
    [json(502, {}), { ok: false, error: 'hubspot_unavailable' }],
    [json(200, { hubId: 'x' }), { ok: false, error: 'hubspot_invalid_response' }],
  ])('token info %#', async (response, expected) => {
    expect(await processTokenInfoResponse(response)).toEqual(expected)
  })

  it.each([
    [200, { ok: true, value: undefined }],
    [401, { ok: false, error: 'api_key_invalid' }],
    [403, { ok: false, error: 'api_key_invalid' }],
    [503, { ok: false, error: 'hubspot_unavailable' }],
  ])('the test call answering %i', async (status, expected) => {
    expect(await processProbeResponse(json(status, {}))).toEqual(expected)
  })
})

describe("reading the portal's account details", () => {
  it('names the currency as the API does, and calls a 404 an invalid response', async () => {
    const details = {
      portalId: 42,
      timeZone: 'Europe/Paris',
      companyCurrency: 'EUR',
      dataHostingLocation: 'eu1',
      uiDomain: 'app-eu1.hubspot.com',
      utcOffset: '+01:00',
    }
    expect(await processAccountDetails(json(200, details))).toEqual({
      ok: true,
      value: {
        portalId: 42,
        timeZone: 'Europe/Paris',
        currency: 'EUR',
        dataHostingLocation: 'eu1',
        uiDomain: 'app-eu1.hubspot.com',
      },
    })
    expect(await processAccountDetails(json(404, {}))).toEqual({ ok: false, error: 'hubspot_invalid_response' })
    expect(await processAccountDetails(json(403, {}))).toEqual({ ok: false, error: 'forbidden' })
  })
})
