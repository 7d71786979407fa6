import { and, count, eq, sql } from 'drizzle-orm'
import { PgBoss, fromPglite } from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppDeps } from '../src/app-deps'
import { crmTickets, syncState } from '../src/db/schema'
import { createLogger } from '../src/http/create-logger'
import { startJobs } from '../src/jobs/start-jobs'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
type Worker = Awaited<ReturnType<typeof startJobs>>
const workers: Worker[] = []
/** CRM requests in flight per worker: two at once means two runs of one portal's sync at once. */
const inFlight = [0, 0]
let overlaps = 0
/** While a worker's gate is shut, its CRM requests wait (a worker that stalled). */
const gates: (Promise<void> | null)[] = [null, null]

function workerDeps(index: number): AppDeps {
  const logs: string[] = []
  return {
    ...ctx.deps,
    logger: createLogger('warn', { write: (line: string) => void logs.push(line) }),
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (!url.includes('/crm/v3/')) return ctx.sim.fetch(input, init)
      inFlight[index]!++
      if (inFlight[1 - index]! > 0) overlaps++
      try {
        await gates[index]
        return await ctx.sim.fetch(input, init)
      } finally {
        inFlight[index]!--
      }
    },
  }
}

beforeAll(async () => {
  ctx = await createTestContext()
  ctx.sim.control.updateSettings({ latencyMs: 15 })
  for (const index of [0, 1]) workers.push(await startJobs(workerDeps(index), ctx.database.jobs))
})
afterAll(async () => {
  gates.fill(null)
  // A run still waiting on a shut gate never ends; the queue stops without waiting for it.
  for (const worker of workers) await worker.stop()
  await ctx.close()
})

async function connectedIntegration(portalIndex: number) {
  const agent = await ctx.signedUpAgent()
  const res = await ctx.connect(agent, ctx.sim.portals[portalIndex]!.portalId)
  return { workspaceId: agent.workspaceId, integrationId: String(res.body.integration?.id) }
}

async function ticketState(workspaceId: string) {
  const [row] = await ctx.database.db
    .select({ phase: syncState.phase, done: syncState.recordsDone, total: syncState.estimatedTotal })
    .from(syncState)
    .where(and(eq(syncState.workspaceId, workspaceId), eq(syncState.objectType, 'tickets')))
  return row ?? null
}

async function unfinishedSyncJobs(integrationId: string): Promise<number> {
  const result = (await ctx.database.db.execute(
    sql`select count(*)::int as n from pgboss.job
        where name = 'sync-portal' and state in ('created', 'retry', 'active') and data->>'integrationId' = ${integrationId}`,
  )) as unknown as { rows: { n: number }[] }
  return result.rows[0]?.n ?? 0
}

describe('two workers, one portal', () => {
  it(
    'sync requests sent to both workers while syncs run never run two syncs at once',
    { timeout: 120_000 },
    async () => {
      const { workspaceId, integrationId } = await connectedIntegration(2)
      for (let i = 0; i < 12; i++) {
        await workers[i % 2]!.requestSync(integrationId, 'manual')
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
      await expect.poll(async () => (await ticketState(workspaceId))?.phase, { timeout: 60_000 }).toBe('incremental')
      // Requests sent while a sync ran leave one queued behind it: let it run out here, not in the next test.
      await expect.poll(() => unfinishedSyncJobs(integrationId), { timeout: 60_000 }).toBe(0)
      await expect.poll(() => inFlight[0]! + inFlight[1]!, { timeout: 60_000 }).toBe(0)
      expect(overlaps).toBe(0)
    },
  )

  it(
    'a worker that lost its job while stalled writes nothing after another took it over',
    { timeout: 300_000 },
    async () => {
      const { workspaceId, integrationId } = await connectedIntegration(1)
      // Whichever worker takes the import stalls mid-way with requests in flight.
      let release = () => {}
      const stalled = new Promise<void>((resolve) => (release = resolve))
      gates.fill(stalled)
      await workers[0]!.requestSync(integrationId, 'manual')
      await expect.poll(() => inFlight[0]! + inFlight[1]!, { timeout: 30_000 }).toBeGreaterThan(0)
      // This portal's job: another portal's sync (the previous test's) may be active too, stalled at the same gate.
      const active = (await ctx.database.db.execute(
        sql`select id from pgboss.job where name = 'sync-portal' and state = 'active' and data->>'integrationId' = ${integrationId}`,
      )) as unknown as { rows: { id: string }[] }
      const [job] = active.rows
      expect(job).toBeDefined()
      // What the supervisor does to a job whose heartbeat it stopped seeing: fail it, to be retried.
      const boss =
        ctx.database.jobs.kind === 'postgres'
          ? new PgBoss({ connectionString: ctx.database.jobs.url, supervise: false, schedule: false })
          : new PgBoss({
              db: fromPglite(ctx.database.jobs.client),
              backend: 'pglite',
              supervise: false,
              schedule: false,
            })
      await boss.start()
      await boss.fail('sync-portal', job!.id)
      await boss.stop({ graceful: false })
      // The retry is taken (by either worker: each runs two jobs at once) and completes the import.
      gates.fill(null)
      await expect.poll(async () => (await ticketState(workspaceId))?.phase, { timeout: 120_000 }).toBe('incremental')
      const jobState = async () =>
        (
          (await ctx.database.db.execute(
            sql`select state from pgboss.job where name = 'sync-portal' and id = ${job!.id}::uuid`,
          )) as unknown as { rows: { state: string }[] }
        ).rows[0]?.state
      await expect.poll(jobState, { timeout: 120_000 }).toBe('completed')
      const finished = await ticketState(workspaceId)
      expect(finished!.done).toBe(finished!.total)
      // The stalled worker wakes and is let run to its end: not one of its writes may be committed.
      // Time moves on first, so anything it wrote would carry a later stamp.
      const takenOverAt = ctx.clock.now()
      ctx.clock.advance(60_000)
      gates.fill(null)
      release()
      for (let quiet = 0; quiet < 10; quiet = inFlight[0]! + inFlight[1]! === 0 ? quiet + 1 : 0)
        await new Promise((resolve) => setTimeout(resolve, 150))
      expect(await ticketState(workspaceId)).toEqual(finished)
      const [latest] = (
        (await ctx.database.db.execute(
          sql`select (select max(updated_at) from sync_state where workspace_id = ${workspaceId}) as state,
                   (select max(synced_at) from crm_tickets where workspace_id = ${workspaceId}) as tickets`,
        )) as unknown as { rows: { state: string; tickets: string }[] }
      ).rows
      expect(new Date(latest!.state).getTime()).toBeLessThanOrEqual(takenOverAt.getTime())
      expect(new Date(latest!.tickets).getTime()).toBeLessThanOrEqual(takenOverAt.getTime())
      const [tickets] = await ctx.database.db
        .select({ n: count() })
        .from(crmTickets)
        .where(eq(crmTickets.workspaceId, workspaceId))
      expect(tickets!.n).toBe(ctx.sim.control.crmStats(ctx.sim.portals[1]!.portalId)!.tickets)
    },
  )
})
