import { serve } from '@hono/node-server'
import { createSimulator } from '@churnlens/hubspot-simulator'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { driveConsentPage } from './drive-consent-page'
import { openTestDatabase } from './open-test-database'
import type { BackendProcess } from './spawn-backend'
import { httpAgent, spawnBackend } from './spawn-backend'

interface Progress {
  sync: { phase: string; percent: number; recordsDone: number } | null
}
interface Summary {
  totals: { companies: number; scored: number }
}

/**
 * The whole backend SIGKILLed in the middle of the first import, HubSpot (the simulator) left
 * running, then started again: the import must move again within seconds and end with every
 * company scored. Real processes on PGlite (a data directory) or on Postgres (TEST_DB=postgres).
 */
describe('a backend killed mid-import', () => {
  const sim = createSimulator({ seed: 'takeover' })
  let simUrl = ''
  let simServer: ReturnType<typeof serve>
  let database: Awaited<ReturnType<typeof openTestDatabase>> | null = null
  let dataDir: string | null = null
  let env: Record<string, string> = {}
  const running: BackendProcess[] = []

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      simServer = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        simUrl = `http://127.0.0.1:${info.port}`
        resolve()
      })
    })
    if (process.env.TEST_DB === 'postgres') database = await openTestDatabase()
    else dataDir = await mkdtemp(join(tmpdir(), 'churnlens-takeover-'))
    env = {
      ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir! }),
      HUBSPOT_SIMULATOR_URL: simUrl,
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    }
  })
  afterAll(async () => {
    await Promise.all(running.map((b) => b.stop('SIGKILL')))
    simServer?.close()
    await database?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('resumes within 15 s of the restart and scores every company', { timeout: 300_000 }, async () => {
    const portal = sim.control.createPortal({ companies: 150, tickets: 3000, seed: 'killed-backend' })
    sim.control.updateSettings({ latencyMs: 120 }) // HubSpot-like round trips, so the import takes a while
    const owner = httpAgent()
    const first = await spawnBackend(env)
    running.push(first)
    expect(
      (
        await owner.fetch(`${first.url}/api/v1/auth/signup`, {
          json: { email: 'killed@example.com', password: 'correct horse battery' },
        })
      ).status,
    ).toBe(201)
    const { url } = (await (await owner.fetch(`${first.url}/api/v1/integrations/hubspot/authorize`)).json()) as {
      url: string
    }
    const query = await driveConsentPage(fetch, url, { decision: 'Grant access', portalId: portal.portalId })
    expect(
      (await owner.fetch(`${first.url}/api/v1/integrations/hubspot/callback`, { json: Object.fromEntries(query) }))
        .status,
    ).toBe(200)
    const progress = async (base: string) =>
      ((await (await owner.fetch(`${base}/api/v1/integrations/hubspot/sync`)).json()) as Progress).sync

    await expect
      .poll(async () => (await progress(first.url))?.percent ?? 0, { timeout: 120_000, interval: 200 })
      .toBeGreaterThanOrEqual(50)
    await first.stop('SIGKILL')
    running.splice(0)
    const atKill = await (async () => {
      // The dead process answers nothing; what it committed is read by the next one.
      const spawnedAt = Date.now()
      const next = await spawnBackend(env)
      running.push(next)
      return { next, done: (await progress(next.url))!.recordsDone, spawnedAt, restartedAt: Date.now() }
    })()
    expect((await progress(atKill.next.url))!.phase).toBe('initial_sync')

    await expect
      .poll(async () => (await progress(atKill.next.url))!.recordsDone, { timeout: 15_000, interval: 250 })
      .toBeGreaterThan(atKill.done)
    const resumedAfter = Date.now() - atKill.restartedAt
    const sinceSpawn = Date.now() - atKill.spawnedAt
    expect(resumedAfter).toBeLessThan(15_000)

    sim.control.updateSettings({ latencyMs: 0 })
    await expect
      .poll(async () => (await progress(atKill.next.url))!.phase, { timeout: 120_000, interval: 250 })
      .toBe('up_to_date')
    const stats = sim.control.crmStats(portal.portalId)!
    await expect
      .poll(
        async () => ((await (await owner.fetch(`${atKill.next.url}/api/v1/churn/summary`)).json()) as Summary).totals,
        { timeout: 30_000, interval: 250 },
      )
      .toMatchObject({ companies: stats.companies, scored: stats.companies })
    console.info(
      `import moved again ${resumedAfter} ms after the restarted backend answered (${sinceSpawn} ms after it was started)`,
    )
  })
})
