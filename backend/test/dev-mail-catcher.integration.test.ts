import { createSimulator } from '@churnlens/hubspot-simulator'
import { serve } from '@hono/node-server'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { authApi, devMailApi } from '@churnlens/contracts'
import { afterAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from './open-test-database'
import type { BackendProcess } from './spawn-backend'
import { freePort, httpAgent, spawnBackend } from './spawn-backend'

// Separate processes on one database: a Postgres matter, run in the Postgres pass of `npm test` only.
const onPostgres = process.env.TEST_DB === 'postgres'

describe.skipIf(!onPostgres)('development mail with several backend processes', () => {
  const backends: BackendProcess[] = []
  const cleanups: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    await Promise.all(backends.map((b) => b.stop()))
    for (const cleanup of cleanups) await cleanup()
  })

  it('a second process on the same catcher port starts, and its mail reaches the first one’s catcher', async () => {
    const sim = createSimulator({ seed: 'dev-mail' })
    const simUrl = await new Promise<string>((resolve) => {
      const server = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve(`http://127.0.0.1:${info.port}`),
      )
      cleanups.push(() => new Promise((done) => server.close(done)))
    })
    const database = await openTestDatabase()
    cleanups.push(() => database.close())
    const env = {
      DATABASE_URL: database.url!,
      HUBSPOT_SIMULATOR_URL: simUrl,
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      RUN_WORKER: 'false',
      MAIL_CATCHER_PORT: String(await freePort()),
    }
    // One after the other, so which one hosts the catcher is known.
    backends.push(await spawnBackend(env))
    backends.push(await spawnBackend(env))
    const [host, guest] = backends as [BackendProcess, BackendProcess]

    const agent = httpAgent()
    const email = `dev-mail-${randomBytes(4).toString('hex')}@example.com`
    expect(
      (await agent.call(guest.url, authApi.signUp, { body: { email, password: 'correct horse battery' } })).status,
    ).toBe(201)
    expect((await agent.call(guest.url, authApi.requestPasswordReset, { body: { email } })).ok).toBe(true)

    await expect
      .poll(
        async () => {
          const caught = await agent.call(host.url, devMailApi.list)
          return caught.ok ? caught.body.mails.map((m) => m.to[0]) : []
        },
        { timeout: 20_000 },
      )
      .toContain(email)
    // The process that does not host the catcher has no mailbox to show.
    expect((await agent.call(guest.url, devMailApi.list)).status).toBe(404)
  }, 120_000)
})
