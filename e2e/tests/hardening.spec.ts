import { expect, test } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { ports } from '../playwright.config'
import { password, signUp } from './helpers'

interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** Bytes of the request body written before the answer came. */
  sent: number
}

/**
 * A request to the frontend exactly as written: Playwright's own client would resolve `..` in the
 * path before sending it, which is what the proxy must not do either. A `stream` body is written
 * chunk by chunk (chunked encoding) until the answer arrives or `stream` bytes are sent.
 */
function raw(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; stream?: number } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = httpRequest(
      { host: '127.0.0.1', port: ports.frontend, path, method: init.method ?? 'GET', headers: init.headers ?? {} },
      (res) => {
        answered = true
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent }))
      },
    )
    // The server may answer and close while we are still writing (EPIPE): that is the point, so
    // writing stops and the answer, already on its way, is awaited a moment before giving up.
    let failed = false
    req.on('error', (error) => {
      failed = true
      setTimeout(() => (answered ? undefined : reject(error)), 2000)
    })
    if (init.stream === undefined) return void req.end(init.body, () => undefined)
    const total = init.stream
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const write = () => {
      while (!answered && !failed && sent < total) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      if (!answered && !failed) req.end()
    }
    write()
  })
}

test.describe('the frontend proxy', () => {
  test('forwards only /api/v1/**: walking out of /api/ never reaches the metrics', async () => {
    for (const path of [
      '/api/../metrics',
      '/api/%2e%2e/metrics',
      '/api/v1/%2e%2e/%2e%2e/metrics',
      '/api/v1/..%2f..%2fmetrics',
    ]) {
      const res = await raw(path)
      expect(res.body, path).not.toContain('churnlens_')
      expect(res.body, path).not.toContain('# HELP')
    }
    const walked = await raw('/api/%2e%2e/metrics')
    expect(walked.status).toBe(404)
    expect(JSON.parse(walked.body)).toEqual({ error: { code: 'not_found', message: 'Not found.' } })
    expect((await raw('/api/v1/me')).status).toBe(401)
  })

  test('refuses an oversized body with 413, and stops reading a 50 MB chunked one early', async () => {
    const declared = await raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(100 * 1024) }),
    })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toEqual({
      error: { code: 'payload_too_large', message: 'The request was larger than Churnlens accepts.' },
    })
    for (const path of ['/api/v1/auth/login', '/api/v1/webhooks/hubspot']) {
      const chunked = await raw(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        stream: 50 * 1024 * 1024,
      })
      expect(chunked.status, path).toBe(413)
      expect(JSON.parse(chunked.body).error.code).toBe('payload_too_large')
      // The answer came long before the 50 MB were written (socket buffers hold a few MB at most).
      expect(chunked.sent, path).toBeLessThan(16 * 1024 * 1024)
    }
  })

  test("forwards the client's own address: one guesser's lockout does not lock out the owner", async ({ page }) => {
    const email = await signUp(page)
    const login = (client: string, pw: string) =>
      raw('/api/v1/auth/login', {
        method: 'POST',
        // 127.0.0.1 is a trusted proxy in this setup (TRUSTED_PROXIES), as a TLS terminator in front would be.
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ email, password: pw }),
      })
    const guesser = `203.0.113.${1 + ((randomBytes(1)[0] ?? 0) % 200)}`
    for (let i = 0; i < 10; i++) expect((await login(guesser, `wrong guess ${i}`)).status).toBe(401)
    expect((await login(guesser, password)).status).toBe(429)
    expect((await login('198.51.100.23', password)).status).toBe(200)
  })
})

test.describe('page headers', () => {
  test('forbid framing, sniffing and inline scripts of others; HSTS behind TLS; no x-powered-by', async ({ page }) => {
    for (const path of ['/', '/login', '/_nuxt/does-not-exist.js']) {
      const res = await raw(path)
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
      expect(res.headers['x-content-type-options'], path).toBe('nosniff')
      expect(res.headers['x-powered-by'], path).toBeUndefined()
      expect(res.headers['strict-transport-security'], path).toBeUndefined()
    }
    const policy = String((await raw('/login')).headers['content-security-policy'])
    expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*;/)
    expect(policy).not.toContain('unsafe-eval')
    const behindTls = await raw('/login', { headers: { 'x-forwarded-proto': 'https' } })
    expect(behindTls.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/)

    // The app still runs under its policy.
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    await page.goto('/login')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    expect(violations).toEqual([])
  })
})
