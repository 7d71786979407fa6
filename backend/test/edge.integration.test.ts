import { authApi, churnApi } from '@churnlens/contracts'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JSON_BODY_LIMIT_BYTES, WEBHOOK_BODY_LIMIT_BYTES } from '@churnlens/contracts'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ env: { METRICS_TOKEN: 'a metrics token of some length' } })
})
afterAll(async () => {
  await ctx.close()
})

const tooLarge = { error: { code: 'payload_too_large', message: 'The request was larger than Churnlens accepts.' } }

/** A chunked body of `total` bytes that counts how much of it the server pulled. */
function countingStream(total: number, chunkBytes = 64 * 1024) {
  const chunk = new Uint8Array(chunkBytes).fill(0x20)
  const state = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close()
      state.pulled += chunk.length
      controller.enqueue(chunk)
    },
  })
  return { stream, state }
}

function streamed(path: string, total: number) {
  const { stream, state } = countingStream(total)
  // No Content-Length: the body arrives chunked and only its bytes can tell its size.
  const request = new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: stream,
    duplex: 'half',
  } as RequestInit)
  return { response: ctx.app.request(request), state }
}

describe('request bodies are bounded while they stream', () => {
  it('refuses a declared body over the JSON limit before reading it', async () => {
    const res = await ctx.agent().request('/api/v1/auth/login', {
      json: { email: 'a@example.com', password: 'x'.repeat(JSON_BODY_LIMIT_BYTES) },
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual(tooLarge)
  })

  it('stops reading a 50 MB chunked body at the limit, on the API and on the webhook receiver', async () => {
    for (const [path, limit] of [
      ['/api/v1/auth/login', JSON_BODY_LIMIT_BYTES],
      ['/api/v1/webhooks/hubspot', WEBHOOK_BODY_LIMIT_BYTES],
    ] as const) {
      const { response, state } = streamed(path, 50 * 1024 * 1024)
      const res = await response
      expect(res.status).toBe(413)
      expect(await res.json()).toEqual(tooLarge)
      // Read up to the limit and one chunk beyond (plus what the stream buffered ahead), never the rest.
      expect(state.pulled).toBeLessThan(limit + 4 * 64 * 1024)
    }
  })

  it('lets a webhook batch larger than an API form through to its signature check', async () => {
    const res = await ctx.app.request('http://localhost/api/v1/webhooks/hubspot', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ padding: 'x'.repeat(100 * 1024) }]),
    })
    expect(res.status).toBe(401)
  })

  it('reads a small chunked body in full', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ email: 'nobody@example.com', password: 'wrong password!' }))
    const res = await ctx.app.request(
      new Request('http://localhost/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(body)
            controller.close()
          },
        }),
        duplex: 'half',
      } as RequestInit),
    )
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_credentials' } })
  })
})

describe('NUL and control characters', () => {
  it('are refused in the query with a 400 instead of reaching the database', async () => {
    const agent = await ctx.signedUpAgent()
    for (const query of ['q=%00', 'q=a%00b', 'q=%1b[31m', 'q=%ZZ']) {
      const res = await agent.json(`/api/v1/companies?${query}`)
      expect(res).toEqual({
        status: 400,
        body: {
          error: {
            code: 'invalid_query',
            message: 'The request had invalid parameters.',
            issues: [{ path: '', message: 'The address contains characters that are not allowed.' }],
          },
        },
      })
    }
    expect((await agent.json('/api/v1/companies?q=acme%20inc')).status).toBe(200)
  })

  it('are refused in a JSON body, naming the field', async () => {
    const res = await ctx
      .agent()
      .json('/api/v1/auth/login', { json: { email: 'a@example.com', password: 'pass\u0000word' } })
    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          code: 'invalid_body',
          message: 'Some fields are missing or invalid.',
          issues: [{ path: 'password', message: 'Contains characters that are not allowed.' }],
        },
      },
    })
  })
})

describe('state-changing requests from another site', () => {
  it('are refused, bodiless POSTs included, while same-origin and non-browser calls pass', async () => {
    const agent = await ctx.signedUpAgent()
    const crossSite = {
      error: { code: 'cross_site_request', message: 'This request came from another site, so Churnlens refused it.' },
    }
    for (const path of ['/api/v1/auth/logout', '/api/v1/churn/rescore', '/api/v1/integrations/hubspot/sync']) {
      for (const headers of <Record<string, string>[]>[
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' },
        { origin: 'null' },
      ]) {
        const res = await agent.request(path, { method: 'POST', headers })
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403)
        expect(await res.json()).toEqual(crossSite)
      }
    }
    // Still signed in: none of the refused logouts ran.
    expect((await agent.call(authApi.getMe)).status).toBe(200)
    const sameOrigin = await agent.request('/api/v1/churn/rescore', {
      method: 'POST',
      json: {},
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
    })
    expect(sameOrigin.status).not.toBe(403)
    expect((await agent.call(churnApi.requestRescore)).status).not.toBe(403)
  })
})

describe('metrics', () => {
  it('need the bearer token when one is configured', async () => {
    const get = (authorization?: string) =>
      ctx.app.request('http://localhost/metrics', authorization ? { headers: { authorization } } : {})
    expect((await get()).status).toBe(401)
    expect((await get('Bearer a metrics token of some lengtX')).status).toBe(401)
    expect((await get('Bearer a metrics token of some length and more')).status).toBe(401)
    const ok = await get('Bearer a metrics token of some length')
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('churnlens_')
  })
})

describe('database errors in the log', () => {
  it('keep the SQL and the code, never the parameter values', async () => {
    const secret = 'sekrit-value-8c1f'
    const failure = await ctx.database.db.execute(sql`select ${secret}::int as n`).catch((error: unknown) => error)
    ctx.deps.logger.error({ err: failure }, 'query failed')
    const line = ctx.logs.at(-1) ?? ''
    expect(line).toContain('Failed query: select $1::int as n')
    expect(line).toContain('22P02')
    expect(line).not.toContain(secret)
  })
})
