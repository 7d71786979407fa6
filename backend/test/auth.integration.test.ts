import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginFailuresPerEmail, loginKeys, loginPerAddress, loginPerEmailAndAddress } from '../src/auth/login-throttle'
import { rateLimitCounters } from '../src/db/schema'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
/** Puts a throttling counter where earlier attempts would have left it, without spending a second per password check. */
async function seedCounter(key: string, windowMs: number, count: number) {
  const windowStart = new Date(Math.floor(ctx.clock.now().getTime() / windowMs) * windowMs)
  await ctx.database.db.insert(rateLimitCounters).values({ key, windowStart, count })
}
const signIn = (email: string, password: string) =>
  ctx.agent().request('/api/v1/auth/login', { json: { email, password } })
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

describe('accounts', () => {
  it('signs up, reads /me through the session cookie, signs out', async () => {
    const agent = ctx.agent()
    const signup = await agent.json<{ user: { email: string }; workspace: { id: string; name: string } }>(
      '/api/v1/auth/signup',
      {
        json: { email: '  Ada@Example.COM ', password: 'correct horse battery' },
      },
    )
    expect(signup.status).toBe(201)
    expect(signup.body.user.email).toBe('ada@example.com')
    expect(signup.body.workspace.name).toBe('example.com')

    const setCookie =
      (
        await ctx
          .agent()
          .request('/api/v1/auth/login', { json: { email: 'ada@example.com', password: 'correct horse battery' } })
      ).headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)

    const me = await agent.json('/api/v1/me')
    expect(me).toEqual({ status: 200, body: signup.body })

    expect((await agent.request('/api/v1/auth/logout', { json: {} })).status).toBe(204)
    expect(await agent.json('/api/v1/me')).toEqual({
      status: 401,
      body: { error: { code: 'unauthenticated', message: 'Please sign in to continue.' } },
    })
  })

  it('refuses a second account with the same email', async () => {
    await ctx.signedUpAgent('twice@example.com')
    const again = await ctx
      .agent()
      .json('/api/v1/auth/signup', { json: { email: 'TWICE@example.com', password: 'another long password' } })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: { code: 'email_taken' } })
  })

  it('names each bad field', async () => {
    const res = await ctx.agent().json('/api/v1/auth/signup', { json: { email: 'not-an-email', password: 'short' } })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      error: {
        code: 'invalid_body',
        issues: [{ path: 'email' }, { path: 'password', message: 'Use at least 10 characters.' }],
      },
    })
    const extra = await ctx
      .agent()
      .json('/api/v1/auth/signup', { json: { email: 'a@b.co', password: 'long enough pw', admin: true } })
    expect(extra.body).toMatchObject({ error: { code: 'invalid_body' } })
  })

  it('accepts only JSON on POST (no form-post CSRF, no guessing)', async () => {
    const res = await ctx.app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a@b.co&password=x',
    })
    expect(res.status).toBe(415)
    expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } })
    const broken = await ctx.app.request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    })
    expect(broken.status).toBe(400)
  })

  it('does not tell a wrong password from an unknown email', async () => {
    await ctx.signedUpAgent('known@example.com')
    const wrong = await ctx
      .agent()
      .json('/api/v1/auth/login', { json: { email: 'known@example.com', password: 'wrong password!' } })
    const unknown = await ctx
      .agent()
      .json('/api/v1/auth/login', { json: { email: 'nobody@example.com', password: 'wrong password!' } })
    expect(wrong).toEqual({
      status: 401,
      body: { error: { code: 'invalid_credentials', message: 'That email and password do not match an account.' } },
    })
    expect(unknown).toEqual(wrong)
  })

  it('throttles repeated sign-in attempts for one email from one address, with Retry-After', async () => {
    await ctx.signedUpAgent('target@example.com')
    const guesser = ctx.agent()
    const attempt = (password = 'guess guess guess') =>
      guesser.request('/api/v1/auth/login', { json: { email: 'target@example.com', password } })
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401)
    const blocked = await attempt()
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await blocked.json()).toMatchObject({ error: { code: 'too_many_attempts' } })
    // That address waits, even with the right password: the limiter runs before the check.
    expect((await attempt('correct horse battery')).status).toBe(429)
    // The owner, from their own address, is not locked out by the guesser.
    expect((await signIn('target@example.com', 'correct horse battery')).status).toBe(200)
    ctx.clock.advance(15 * 60 * 1000)
    expect((await attempt('correct horse battery')).status).toBe(200)
  })

  it('keeps letting the owner in while guessers on many addresses are slowed down', async () => {
    await ctx.signedUpAgent('victim@example.com')
    // 20 failures already, spread over addresses none of which reached its own limit (a password check costs a second).
    await seedCounter(loginKeys.emailFailures('victim@example.com'), loginFailuresPerEmail.windowMs, 20)
    ctx.pauses.length = 0
    for (let i = 0; i < 3; i++) {
      const res = await ctx.agent().request('/api/v1/auth/login', {
        json: { email: 'victim@example.com', password: `guess number ${i}` },
      })
      expect(res.status).toBe(401)
    }
    // Past 20 failures for the email, each wrong answer waits twice as long as the last (up to 10 s).
    expect(ctx.pauses).toEqual([250, 500, 1000])
    ctx.pauses.length = 0
    expect((await signIn('victim@example.com', 'correct horse battery')).status).toBe(200)
    expect(ctx.pauses).toEqual([])
  })

  it('checks the address first: an address already refused spends nothing of the email allowance', async () => {
    await ctx.signedUpAgent('bystander@example.com')
    const attacker = ctx.agent()
    await seedCounter(loginKeys.address(attacker.address), loginPerAddress.windowMs, loginPerAddress.limit)
    for (let i = 0; i < 12; i++) {
      const res = await attacker.request('/api/v1/auth/login', {
        json: { email: 'bystander@example.com', password: 'guess guess guess' },
      })
      expect(res.status).toBe(429)
    }
    const rows = await ctx.database.db.select().from(rateLimitCounters)
    expect(rows.filter((row) => row.key.includes('bystander'))).toEqual([])
    expect((await signIn('bystander@example.com', 'correct horse battery')).status).toBe(200)
  })

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    await ctx.signedUpAgent('spoof@example.com')
    const peer = '198.51.100.9'
    await seedCounter(loginKeys.emailAndAddress('spoof@example.com', peer), loginPerEmailAndAddress.windowMs, 10)
    // A caller that is not a trusted proxy cannot name another address to escape its own limit.
    const res = await ctx.app.request(
      'http://localhost/api/v1/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.1' },
        body: JSON.stringify({ email: 'spoof@example.com', password: 'guess guess guess' }),
      },
      { incoming: { socket: { remoteAddress: peer, remotePort: 1, remoteFamily: 'IPv4' } } },
    )
    expect(res.status).toBe(429)
  })

  it('answers 401 on every workspace endpoint without a session, and ignores a forged cookie', async () => {
    const anonymous = ctx.agent()
    const forged = ctx.agent()
    for (const [method, path] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/integrations/hubspot'],
      ['GET', '/api/v1/integrations/hubspot/authorize'],
      ['POST', '/api/v1/integrations/hubspot/callback'],
      ['DELETE', '/api/v1/integrations/hubspot'],
    ] as const) {
      const init = method === 'POST' ? { json: { code: 'x', state: 'y' } } : { method }
      expect((await anonymous.json(path, init)).body).toEqual({
        error: { code: 'unauthenticated', message: 'Please sign in to continue.' },
      })
      const res = await forged.request(path, { ...init, headers: { cookie: 'churnlens_session=abc.def' } })
      expect(res.status).toBe(401)
    }
  })

  it('answers unknown API paths with a coded 404', async () => {
    expect(await ctx.agent().json('/api/v1/nope')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'Not found.' } },
    })
  })
})
