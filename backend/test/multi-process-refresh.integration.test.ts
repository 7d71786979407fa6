import { serve } from '@hono/node-server'
import { createSimulator } from '@churnlens/hubspot-simulator'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrations } from '../src/db/schema'
import { driveConsentPage } from './drive-consent-page'
import { openTestDatabase } from './open-test-database'
import type { BackendProcess } from './spawn-backend'
import { httpAgent, spawnBackend } from './spawn-backend'

// Cross-process coordination is a Postgres property (row locks between connections); PGlite is
// one process by design, so this file runs in the Postgres pass of `npm test` only.
const onPostgres = process.env.TEST_DB === 'postgres'

describe.skipIf(!onPostgres)('many backend processes, one token refresh', () => {
  const sim = createSimulator({ seed: 'multi-process' })
  let simUrl = ''
  let simServer: ReturnType<typeof serve>
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  const backends: BackendProcess[] = []
  let env: Record<string, string> = {}
  const agent = httpAgent()

  const tokenCalls = async () => {
    const log = (await (await fetch(`${simUrl}/_simulator/requests?pathPrefix=/oauth/2026-03/token`)).json()) as
      { requests?: { path: string; method: string }[] } | { path: string; method: string }[]
    const entries = Array.isArray(log) ? log : (log.requests ?? [])
    return entries.filter((r) => r.path === '/oauth/2026-03/token' && r.method === 'POST').length
  }
  const expireOurCopy = () => database.db.update(integrations).set({ tokenExpiresAt: sql`now() - interval '1 minute'` })

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      simServer = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        simUrl = `http://127.0.0.1:${info.port}`
        resolve()
      })
    })
    database = await openTestDatabase()
    env = {
      DATABASE_URL: database.url!,
      HUBSPOT_SIMULATOR_URL: simUrl,
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      // API-only instances: queued background work is not taken here, so each test controls who works.
      RUN_WORKER: 'false',
    }
    backends.push(...(await Promise.all(Array.from({ length: 4 }, () => spawnBackend(env)))))
    const first = backends[0]!.url
    expect(
      (
        await agent.fetch(`${first}/api/v1/auth/signup`, {
          json: { email: 'multi@example.com', password: 'correct horse battery' },
        })
      ).status,
    ).toBe(201)
    const { url } = (await (await agent.fetch(`${first}/api/v1/integrations/hubspot/authorize`)).json()) as {
      url: string
    }
    const query = await driveConsentPage(fetch, url, { decision: 'Grant access' })
    expect(
      (await agent.fetch(`${first}/api/v1/integrations/hubspot/callback`, { json: Object.fromEntries(query) })).status,
    ).toBe(200)
  }, 120_000)

  afterAll(async () => {
    await Promise.all(backends.map((b) => b.stop()))
    simServer?.close()
    await database?.close()
  })

  it('200 concurrent calls across 4 processes against an expired token: one token-endpoint call, 200 successes', async () => {
    await expireOurCopy()
    sim.control.expireAccessTokens()
    const before = await tokenCalls()
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => agent.fetch(`${backends[i % 4]!.url}/api/v1/integrations/hubspot/portal`)),
    )
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200))
    expect((await tokenCalls()) - before).toBe(1)
  })

  it('a process killed in the middle of a refresh leaves the integration usable', async () => {
    await expireOurCopy()
    const before = await tokenCalls()
    // HubSpot answers this refresh slowly, so the victim dies holding the row lock.
    sim.control.failNext({ pathPrefix: '/oauth/2026-03/token', status: 200, count: 1, delayMs: 3000 })
    const [victim, survivor] = [backends[0]!, backends[1]!]
    const doomed = agent.fetch(`${victim.url}/api/v1/integrations/hubspot/portal`).catch(() => null)
    await new Promise((r) => setTimeout(r, 800)) // victim now holds the row lock, waiting on HubSpot
    await victim.stop('SIGKILL')
    await doomed
    const res = await agent.fetch(`${survivor.url}/api/v1/integrations/hubspot/portal`)
    expect(res.status).toBe(200)
    const view = (await (await agent.fetch(`${survivor.url}/api/v1/integrations/hubspot`)).json()) as {
      integration: { status: string }
    }
    expect(view.integration.status).toBe('connected')
    // The victim's refresh reached HubSpot (it is logged when its slow answer completes); the survivor's took over.
    await expect.poll(async () => (await tokenCalls()) - before, { timeout: 10_000 }).toBe(2)
  })

  it(
    'a process killed mid-sync leaves a checkpoint the next run resumes from: no duplicate, no gap',
    { timeout: 180_000 },
    async () => {
      const portal = sim.control.createPortal({ companies: 40, tickets: 4000, seed: 'killed-mid-sync' })
      const owner = httpAgent()
      const api = backends[3]!.url
      expect(
        (
          await owner.fetch(`${api}/api/v1/auth/signup`, {
            json: { email: 'sync-killed@example.com', password: 'correct horse battery' },
          })
        ).status,
      ).toBe(201)
      const { url } = (await (await owner.fetch(`${api}/api/v1/integrations/hubspot/authorize`)).json()) as {
        url: string
      }
      const query = await driveConsentPage(fetch, url, { decision: 'Grant access', portalId: portal.portalId })
      const connected = (await (
        await owner.fetch(`${api}/api/v1/integrations/hubspot/callback`, { json: Object.fromEntries(query) })
      ).json()) as { integration: { id: string } }
      const integrationId = connected.integration.id
      // The connect queued the import, but these instances are API-only: the sync below runs in a
      // process of its own, which we kill.
      const ticketsFor = async () => {
        const result = (await database.db.execute(
          sql`select count(*)::int as n, count(distinct hubspot_id)::int as d from crm_tickets where workspace_id = (select workspace_id from integrations where id = ${integrationId})`,
        )) as unknown as { rows: { n: number; d: number }[] }
        return result.rows[0]!
      }
      sim.control.updateSettings({ latencyMs: 40 }) // a distant HubSpot, so the import takes a while
      const worker = spawnSyncProcess(integrationId)
      await expect.poll(async () => (await ticketsFor()).n, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0)
      worker.kill('SIGKILL')
      await new Promise((resolve) => worker.once('exit', resolve))
      const atKill = await ticketsFor()
      expect(atKill.n).toBeLessThan(4000)
      sim.control.updateSettings({ latencyMs: 0 })

      // Restarted: the same sync resumes from the committed checkpoint.
      const rerun = spawnSyncProcess(integrationId)
      const code = await new Promise<number | null>((resolve) => rerun.once('exit', resolve))
      expect(code).toBe(0)
      expect(await ticketsFor()).toEqual({ n: 4000, d: 4000 })
    },
  )

  function spawnSyncProcess(integrationId: string) {
    return spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../src/cli/sync-integration.ts', import.meta.url)), integrationId],
      {
        env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      },
    )
  }
})
