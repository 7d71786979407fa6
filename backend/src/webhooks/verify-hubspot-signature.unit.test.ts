import { describe, expect, it } from 'vitest'
import { hubspotSignedUri, signatureV1, signatureV3, verifyHubspotSignature } from './verify-hubspot-signature'

const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy'
const body =
  '[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]'
const url = 'https://churnlens.example.com/api/v1/webhooks/hubspot'
const now = 1_800_000_000_000

describe('HubSpot webhook signatures', () => {
  it("v1 matches HubSpot's published test vector", () => {
    expect(signatureV1(secret, body)).toBe('232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de')
  })

  it('decodes only the escapes HubSpot decodes before signing', () => {
    expect(hubspotSignedUri('https://x.test/hook%3Fa?b=%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B&c=%20%25')).toBe(
      "https://x.test/hook?a?b=:/?@!$'()*,;&c=%20%25",
    )
  })

  it('accepts a fresh v3 signature and rejects forged, stale and tampered ones', () => {
    const timestamp = String(now - 1000)
    const v3 = signatureV3(secret, 'POST', url, body, timestamp)
    const request = { method: 'POST', url, rawBody: body, headers: { v3, timestamp } }
    expect(verifyHubspotSignature(secret, request, { now, allowV1: false })).toEqual({ ok: true, value: 'v3' })
    expect(verifyHubspotSignature('other-secret', request, { now, allowV1: false })).toEqual({
      ok: false,
      error: 'invalid_signature',
    })
    expect(
      verifyHubspotSignature(secret, { ...request, rawBody: body.replace('123', '124') }, { now, allowV1: false }),
    ).toEqual({ ok: false, error: 'invalid_signature' })
    expect(verifyHubspotSignature(secret, { ...request, url: `${url}?x=1` }, { now, allowV1: false })).toEqual({
      ok: false,
      error: 'invalid_signature',
    })
    expect(verifyHubspotSignature(secret, request, { now: now + 6 * 60_000, allowV1: false })).toEqual({
      ok: false,
      error: 'stale_timestamp',
    })
    expect(verifyHubspotSignature(secret, { ...request, headers: { v3 } }, { now, allowV1: false })).toEqual({
      ok: false,
      error: 'missing_signature',
    })
  })

  it('accepts v1 only when allowed', () => {
    const request = { method: 'POST', url, rawBody: body, headers: { v1: signatureV1(secret, body) } }
    expect(verifyHubspotSignature(secret, request, { now, allowV1: false })).toEqual({
      ok: false,
      error: 'v1_not_allowed',
    })
    expect(verifyHubspotSignature(secret, request, { now, allowV1: true })).toEqual({ ok: true, value: 'v1' })
    expect(verifyHubspotSignature(secret, { ...request, headers: {} }, { now, allowV1: true })).toEqual({
      ok: false,
      error: 'missing_signature',
    })
  })
})
