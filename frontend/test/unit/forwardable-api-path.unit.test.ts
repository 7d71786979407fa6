import { describe, expect, it } from 'vitest'
import { forwardableApiPath } from '../../server/utils/forwardable-api-path'

describe('forwardableApiPath', () => {
  it.each([
    ['/api/v1/me', '/api/v1/me'],
    ['/api/v1/companies?q=a%2Fb&sort=name', '/api/v1/companies?q=a%2Fb&sort=name'],
    ['/api/v1/companies/123', '/api/v1/companies/123'],
    ['/api/v1/webhooks/hubspot', '/api/v1/webhooks/hubspot'],
  ])('forwards %s', (path, forwarded) => {
    expect(forwardableApiPath(path)).toBe(forwarded)
  })

  it.each([
    '/api/../metrics',
    '/api/%2e%2e/metrics',
    '/api/%2E%2E/metrics',
    '/api/v1/../../metrics',
    '/api/v1/%2e%2e/%2e%2e/metrics',
    '/api/v1/.%2e/.%2e/healthz',
    '/api/v1/./me',
    '/api/v1//me',
    '/api/v1/..%2f..%2fmetrics',
    '/api/v1/..%5c..%5cmetrics',
    '/api/v1\\..\\metrics',
    '/api/v1/me%00',
    '/api/v1/%E0%A4%A',
    '/api/v2/anything',
    '/api/metrics',
  ])('refuses %s', (path) => {
    expect(forwardableApiPath(path)).toBeNull()
  })
})
