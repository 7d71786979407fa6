import type { IntegrationEvent } from '@churnlens/contracts'
import { errorMessages } from '@churnlens/contracts'
import { describe, expect, it } from 'vitest'
import {
  bannerMessage,
  describeActor,
  describeDisabledFeature,
  describeEventError,
  describeIntegrationEvent,
  describeIntegrationReason,
  describePortalError,
  explainIntegrationStatus,
  listInWords,
} from '../../app/utils/describe-integration-reason'

function event(type: string, detail: Record<string, unknown> = {}, errorCode: string | null = null): IntegrationEvent {
  return {
    id: '1',
    type,
    fromStatus: null,
    toStatus: null,
    actor: 'system',
    actorEmail: null,
    errorCode,
    detail,
    createdAt: '2026-01-01T10:00:00.000Z',
  }
}

const healthy = { status: 'connected', authType: 'oauth', lastErrorCode: null, missingRequiredScopes: [] } as const

describe('listInWords', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('lists %j as %s', (items, expected) => {
    expect(listInWords(items)).toBe(expected)
  })
})

describe('describeIntegrationReason', () => {
  it('is null without a code', () => {
    expect(describeIntegrationReason(null)).toBeNull()
    expect(describeIntegrationReason(undefined)).toBeNull()
  })

  it('explains a revoked grant as revoked access or an uninstalled app', () => {
    expect(describeIntegrationReason('refresh_token_revoked')).toMatch(/uninstalled/)
    expect(describeIntegrationReason('refresh_token_revoked')).toMatch(/removed its access/)
  })

  it('names the missing scopes', () => {
    expect(
      describeIntegrationReason('missing_scopes', { missingScopes: ['tickets', 'crm.objects.contacts.read'] }),
    ).toBe('HubSpot no longer grants permissions Churnlens needs: tickets and crm.objects.contacts.read.')
    expect(describeIntegrationReason('missing_scopes')).toBe(
      'HubSpot no longer grants every permission Churnlens needs.',
    )
  })

  it.each([
    'token_unreadable',
    'api_key_rejected',
    'hubspot_unavailable',
    'hubspot_rate_limited',
    'hubspot_invalid_response',
    'hubspot_client_rejected',
  ])('has words for %s that do not repeat the code', (code) => {
    const text = describeIntegrationReason(code)
    expect(text).toBeTruthy()
    expect(text).not.toContain(code)
  })

  it('falls back to the API error message, then to the raw code', () => {
    expect(describeIntegrationReason('oauth_access_denied')).toBe(errorMessages.oauth_access_denied)
    expect(describeIntegrationReason('weird_thing')).toBe('Something unexpected went wrong (weird_thing).')
  })
})

describe('explainIntegrationStatus', () => {
  it('reassures when degraded and gives the last error in words', () => {
    const explained = explainIntegrationStatus({
      ...healthy,
      status: 'degraded',
      lastErrorCode: 'hubspot_rate_limited',
    })
    expect(explained.summary).toMatch(/retry automatically with backoff/)
    expect(explained.summary).toMatch(/your data is safe/)
    expect(explained.reason).toMatch(/^Last error: HubSpot asked us to slow down/)
  })

  it('gives the reason and missing scopes when a reconnect is needed', () => {
    const explained = explainIntegrationStatus({
      ...healthy,
      status: 'needs_reauth',
      lastErrorCode: 'missing_scopes',
      missingRequiredScopes: ['tickets'],
    })
    expect(explained.summary).toMatch(/until you reconnect/)
    expect(explained.reason).toBe('HubSpot no longer grants permissions Churnlens needs: tickets.')
  })

  it('still says something when needs_reauth has no code', () => {
    expect(explainIntegrationStatus({ ...healthy, status: 'needs_reauth' }).reason).toBeTruthy()
  })

  it('mentions rotation for a private-app token', () => {
    expect(explainIntegrationStatus({ ...healthy, authType: 'api_key' }).summary).toMatch(/rotates/)
    expect(explainIntegrationStatus(healthy).reason).toBeNull()
  })
})

describe('bannerMessage', () => {
  it('asks to reconnect only for needs_reauth', () => {
    expect(bannerMessage({ ...healthy, status: 'needs_reauth', lastErrorCode: 'refresh_token_revoked' })).toEqual({
      title: 'HubSpot needs you to reconnect',
      text: describeIntegrationReason('refresh_token_revoked'),
    })
    expect(bannerMessage({ ...healthy, status: 'degraded', lastErrorCode: 'hubspot_unavailable' })?.text).toMatch(
      /your data is safe/,
    )
    expect(bannerMessage(healthy)).toBeNull()
    expect(bannerMessage({ ...healthy, status: 'disconnected' })).toBeNull()
  })
})

describe('timeline wording', () => {
  it('says who did it', () => {
    expect(describeActor('user', 'ada@example.com', 'ada@example.com')).toBe('You')
    expect(describeActor('user', 'grace@example.com', 'ada@example.com')).toBe('grace@example.com')
    expect(describeActor('user', null, 'ada@example.com')).toBe('A former member')
    expect(describeActor('system', null, 'ada@example.com')).toBe('Churnlens')
  })

  it.each([
    [event('connected', { hubId: 42 }), 'Connected HubSpot portal 42'],
    [
      event('reconnected', { hubId: 43, previousHubId: 42 }),
      'Reconnected HubSpot for portal 43 (previously portal 42)',
    ],
    [
      event('reconnected', { upgradedFrom: 'api_key' }),
      'Reconnected HubSpot with OAuth, replacing the private-app token',
    ],
    [event('api_key_connected', { hubId: 42 }), 'Connected with a private-app token for portal 42'],
    [
      event('api_key_connected', { hubId: 43, previousHubId: 42 }),
      'Connected with a private-app token for portal 43 (previously portal 42)',
    ],
    [event('disconnected', { revoke: 'revoked' }), "Disconnected HubSpot and revoked Churnlens's access"],
    [event('disconnected', { revoke: 'not_applicable' }), 'Disconnected HubSpot'],
    [event('degraded'), 'HubSpot stopped answering; retrying automatically'],
    [event('recovered', { afterFailures: 3 }), 'Connection recovered after 3 failed attempts'],
    [event('recovered', { afterFailures: 1 }), 'Connection recovered after 1 failed attempt'],
    [event('needs_reauth'), 'HubSpot stopped accepting our access; a reconnect is needed'],
    [event('keys_rotated'), 'Stored credentials re-encrypted with new keys'],
    [event('something_new'), 'Something new'],
  ])('describes %j', (e, expected) => {
    expect(describeIntegrationEvent(e)).toBe(expected)
  })

  it('puts the event error in words, with missing scopes from the detail', () => {
    expect(describeEventError(event('needs_reauth', { missingScopes: ['tickets', 7] }, 'missing_scopes'))).toBe(
      'HubSpot no longer grants permissions Churnlens needs: tickets.',
    )
    expect(describeEventError(event('connected'))).toBeNull()
  })
})

describe('describeDisabledFeature', () => {
  const writeBack = {
    feature: 'write_back',
    missingScopes: ['crm.objects.companies.write', 'crm.schemas.companies.write'],
  }

  it('tells OAuth users to reconnect', () => {
    expect(describeDisabledFeature(writeBack, 'oauth')).toBe(
      'Write churn scores back to HubSpot is off: grant crm.objects.companies.write and crm.schemas.companies.write by reconnecting.',
    )
  })

  it('tells private-app users to edit the app', () => {
    expect(describeDisabledFeature(writeBack, 'api_key')).toMatch(/add .* to the private app in HubSpot/)
  })
})

describe('describePortalError', () => {
  it('explains HubSpot outages calmly and passes other messages through', () => {
    expect(describePortalError({ code: 'hubspot_unavailable', message: 'x' })).toMatch(/not answering/)
    expect(describePortalError({ code: 'network_error', message: 'offline' })).toBe('offline')
  })
})
