import { authApi, companiesApi, errorMessages, hubspotApi, syncApi } from '@churnlens/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiFetch } from '../../app/utils/api-fetch'

const calls: { url: string; init: RequestInit | undefined }[] = []

function answer(status: number, body?: unknown) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, init })
    return new Response(body === undefined ? null : JSON.stringify(body), { status })
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  calls.length = 0
})

const me = {
  user: { id: 'u1', email: 'ada@example.com' },
  workspace: { id: 'w1', name: 'example.com', role: 'owner' },
  permissions: ['account:self', 'data:read'],
  workspaces: [{ id: 'w1', name: 'example.com', role: 'owner' }],
}

describe('apiFetch', () => {
  it('calls the URL the definition builds, with its method, and parses the body with its schema', async () => {
    answer(200, { companies: [], total: 0, page: 2, pageSize: 50 })
    const result = await apiFetch(companiesApi.list, { query: { sort: 'name', page: '2', band: undefined } })
    expect(result).toEqual({ ok: true, data: { companies: [], total: 0, page: 2, pageSize: 50 } })
    expect(calls[0]).toMatchObject({ url: '/api/v1/companies?sort=name&page=2', init: { method: 'GET' } })
  })

  it('sends a body as JSON, and an empty JSON object on a POST without one', async () => {
    answer(201, me)
    await apiFetch(authApi.signUp, { body: { email: 'ada@example.com', password: 'correct horse battery' } })
    answer(202, { requested: true })
    await apiFetch(syncApi.request)
    expect(calls.map((c) => [c.init?.method, c.init?.body])).toEqual([
      ['POST', '{"email":"ada@example.com","password":"correct horse battery"}'],
      ['POST', '{}'],
    ])
  })

  it('reads a 204 as no content', async () => {
    answer(204)
    expect(await apiFetch(authApi.logOut)).toEqual({ ok: true, data: undefined })
  })

  it('answers an error code the endpoint lists, with its sentence and issues', async () => {
    answer(404, { error: { code: 'not_connected', message: 'x' } })
    expect(await apiFetch(hubspotApi.getPortalDetails)).toEqual({
      ok: false,
      error: { code: 'not_connected', message: errorMessages.not_connected },
    })
  })

  it('takes a code the endpoint does not list, or a body outside its schema, as an unexpected response', async () => {
    answer(409, { error: { code: 'email_taken', message: 'x' } })
    expect(await apiFetch(hubspotApi.getPortalDetails)).toMatchObject({
      ok: false,
      error: { code: 'unexpected_response' },
    })
    answer(200, { portal: { portalId: 'not a number' } })
    expect(await apiFetch(hubspotApi.getPortalDetails)).toMatchObject({
      ok: false,
      error: { code: 'unexpected_response' },
    })
  })

  it('calls an unreachable API or a gateway page a network error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await apiFetch(authApi.getMe)).toMatchObject({ ok: false, error: { code: 'network_error' } })
    answer(502, '<html>Bad gateway</html>')
    expect(await apiFetch(authApi.getMe)).toMatchObject({ ok: false, error: { code: 'network_error' } })
  })
})
