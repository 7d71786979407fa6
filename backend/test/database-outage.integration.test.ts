import { and, eq } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncState } from '../src/db/schema'
import { startJobs } from '../src/jobs/start-jobs'
import { runSync } from '../src/sync/run-sync'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

// Dropping connections is a Postgres matter: this file runs in the Postgres pass only.
const onPostgres = process.env.TEST_DB === 'postgres'

describe.skipIf(!onPostgres)('Postgres drops every connection under load', () => {
  let ctx: TestContext
  let jobs: Awaited<ReturnType<typeof startJobs>>
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
  let name = ''

  beforeAll(async () => {
    ctx = await createTestContext()
    name = new URL(ctx.database.url!).pathname.slice(1)
    await admin.connect()
    jobs = await startJobs(ctx.deps, ctx.database.jobs)
  })
  afterAll(async () => {
    await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined)
    await admin.end()
    await jobs?.stop()
    await ctx?.close()
  })

  /** What a Postgres restart looks like from here: every connection cut, new ones refused, then back. */
  async function outage(ms: number) {
    await admin.query(`alter database ${name} allow_connections false`)
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [name],
    )
    await new Promise((resolve) => setTimeout(resolve, ms))
    await admin.query(`alter database ${name} allow_connections true`)
  }

  it(
    'no request hangs, /healthz names the database while it lasts, and the API and workers carry on',
    {
      timeout: 120_000,
    },
    async () => {
      const agent = await ctx.signedUpAgent()
      const connected = await ctx.connect(agent, ctx.sim.portals[2]!.portalId)
      const integrationId = String(connected.body.integration?.id)
      await runSync(ctx.deps, integrationId)

      // Load: requests keep coming, each raced against a deadline, so a hung one is counted as such.
      const statuses: (number | 'hung' | 'threw')[] = []
      let loading = true
      const client = async () => {
        while (loading) {
          const deadline = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000))
          const call = agent.request('/api/v1/companies').then(
            (r) => r.status,
            () => 'threw' as const,
          )
          statuses.push(await Promise.race([call, deadline]))
        }
      }
      const clients = Array.from({ length: 8 }, client)
      await new Promise((resolve) => setTimeout(resolve, 500))

      const health = async () => {
        const res = await ctx.app.request('http://localhost/healthz')
        return { status: res.status, body: (await res.json()) as unknown }
      }
      const down = outage(4_000)
      await expect
        .poll(health, { timeout: 4_000, interval: 100 })
        .toEqual({ status: 503, body: { status: 'unavailable', reason: 'database' } })
      await down
      await expect.poll(health, { timeout: 15_000, interval: 200 }).toEqual({ status: 200, body: { status: 'ok' } })
      const duringAndAfter = statuses.length
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      loading = false
      await Promise.all(clients)

      expect(statuses).not.toContain('hung')
      expect(statuses).not.toContain('threw')
      expect(statuses.filter((s) => s !== 200 && s !== 500 && s !== 503)).toEqual([])
      expect(statuses.some((s) => s !== 200)).toBe(true) // the outage was felt
      expect(statuses.slice(duringAndAfter)).toEqual(statuses.slice(duringAndAfter).map(() => 200))

      // The workers reconnected too: a sync asked for now runs.
      const before = ctx.clock.now()
      ctx.clock.advance(60_000)
      await jobs.requestSync(integrationId, 'manual')
      await expect
        .poll(
          async () => {
            const [row] = await ctx.database.db
              .select({ at: syncState.lastRunAt })
              .from(syncState)
              .where(and(eq(syncState.workspaceId, agent.workspaceId), eq(syncState.objectType, 'tickets')))
            return (row?.at?.getTime() ?? 0) > before.getTime()
          },
          { timeout: 30_000, interval: 250 },
        )
        .toBe(true)
    },
  )
})
