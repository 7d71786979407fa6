import { describe, expect, it } from 'vitest'
import { apiEndpoints } from './api-endpoints'
import { companiesApi } from './churn-endpoints'
import { endpointErrorSchema, endpointUrl } from './endpoint'
import { errorStatus } from './errors'
import { roleCan, workspaceRoles } from './roles'
import { hubspotApi } from './integration-endpoints'

const named = apiEndpoints.map((e) => [`${e.method} ${e.path}`, e] as const)

describe('endpoint definitions', () => {
  it('define each method and path once', () => {
    const keys = named.map(([key]) => key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  // What the route answers before the handler runs must be on the list the callers are told about.
  it.each(named)('%s lists the errors its inputs and session can produce', (_, e) => {
    const needed = [
      ...(e.auth === 'session' ? ['unauthenticated'] : []),
      ...(e.body ? ['invalid_body', 'unsupported_media_type'] : []),
      ...(e.query ? ['invalid_query'] : []),
      ...(e.params ? ['not_found'] : []),
      ...(e.permission && workspaceRoles.some((role) => !roleCan(role, e.permission!)) ? ['forbidden'] : []),
    ]
    expect(e.errors).toEqual(expect.arrayContaining(needed))
    expect(new Set(e.errors).size).toBe(e.errors.length)
    for (const code of e.errors) expect(errorStatus[code]).toBeGreaterThanOrEqual(400)
  })

  it.each(named.filter(([, e]) => e.auth === 'session'))('%s names the permission it needs', (_, e) => {
    expect(e.permission).toBeDefined()
  })

  it('fills in path parameters and appends the query in order, leaving out what is undefined', () => {
    expect(endpointUrl(companiesApi.getDetail, { params: { id: '42' } })).toBe('/api/v1/companies/42')
    expect(endpointUrl(companiesApi.list, { query: { sort: 'name', band: undefined, q: 'a&b' } })).toBe(
      '/api/v1/companies?sort=name&q=a%26b',
    )
    expect(endpointUrl(hubspotApi.getIntegration)).toBe('/api/v1/integrations/hubspot')
    expect(() => endpointUrl(companiesApi.getDetail)).toThrow('missing path parameter id')
  })

  it('reads an error body only with a code the endpoint lists, or server_error', () => {
    const schema = endpointErrorSchema(hubspotApi.getPortalDetails)
    expect(schema.safeParse({ error: { code: 'not_connected', message: 'm' } }).success).toBe(true)
    expect(schema.safeParse({ error: { code: 'server_error', message: 'm' } }).success).toBe(true)
    expect(schema.safeParse({ error: { code: 'email_taken', message: 'm' } }).success).toBe(false)
  })
})
