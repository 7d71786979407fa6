import { authApi, companiesApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../src/app-deps'
import { BrowserAgent } from './browser-agent'

const me = {
  user: { id: 'u1', email: 'ada@example.com' },
  workspace: { id: 'w1', name: 'example.com', role: 'owner' },
  permissions: ['account:self', 'data:read'],
  workspaces: [{ id: 'w1', name: 'example.com', role: 'owner' }],
}

/** An app whose routes answer whatever each test says, to see the agent hold them to their definitions. */
function agentFor(answer: (path: string) => Response) {
  const app = new Hono<AppEnv>().all('*', (c) => answer(c.req.path))
  return new BrowserAgent(app)
}

const json = (status: number, body: unknown) => Response.json(body, { status })

describe('the test agent holds every answer to its endpoint definition', () => {
  it('passes an answer within the contract, by call or by path', async () => {
    const agent = agentFor(() => json(200, me))
    expect(await agent.call(authApi.getMe)).toMatchObject({ ok: true, status: 200, body: me })
    expect((await agent.request('/api/v1/me')).status).toBe(200)
  })

  it.each([
    [
      'an error code the endpoint does not list',
      json(409, { error: { code: 'email_taken', message: 'x' } }),
      /outside its contract/,
    ],
    ['a body outside the response schema', json(200, { user: {} }), /body outside its contract/],
    ['another success status than the definition says', json(201, me), /its contract says 200/],
  ])('fails a route that answers %s', async (_, response, message) => {
    const agent = agentFor(() => response.clone())
    await expect(agent.call(authApi.getMe)).rejects.toThrow(message)
    await expect(agent.request('/api/v1/me')).rejects.toThrow(message)
  })

  it('matches a static path before a parameter, and leaves paths no endpoint defines alone', async () => {
    const agent = agentFor((path) =>
      path.endsWith('.csv')
        ? new Response('a,b\r\n', { headers: { 'content-type': 'text/csv' } })
        : json(404, { error: { code: 'not_found', message: 'x' } }),
    )
    expect((await agent.request('/api/v1/companies/export.csv')).status).toBe(200)
    expect((await agent.request('/api/v1/companies/42')).status).toBe(404)
    expect((await agent.request('/api/v1/nope')).status).toBe(404)
    await expect(agent.call(companiesApi.exportCsv)).resolves.toMatchObject({ ok: true, body: 'a,b\r\n' })
  })
})
