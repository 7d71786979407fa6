import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AppDeps } from '../src/app-deps'
import { crmTickets } from '../src/db/schema'
import { startJobs } from '../src/jobs/start-jobs'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'
import { connectAndRequestSync, importFinished } from './portal-import'
import { primaryCompanyOf } from './primary-company'

let ctx: TestContext
let worker: Awaited<ReturnType<typeof startJobs>> | undefined
/** The big portal's HubSpot answers slowly, so its import needs many slices. */
const slowTokens = new Set<string>()
let slowNext = true

/**
 * One sync slot per worker and a one-second slice: the slot a huge import holds must come free
 * between its slices, for a small portal's import to run.
 */
function oneSlotDeps(): AppDeps {
  return {
    ...ctx.deps,
    config: {
      ...ctx.deps.config,
      schedule: { ...ctx.deps.config.schedule, syncConcurrency: 1, importSliceSeconds: 1 },
    },
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
      const token = headers.get('authorization') ?? ''
      if (url.includes('/crm/') && (slowTokens.has(token) || slowNext)) {
        slowTokens.add(token)
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
      return ctx.sim.fetch(input, init)
    },
  }
}

beforeAll(async () => {
  ctx = await createTestContext()
  worker = await startJobs(oneSlotDeps(), ctx.database.jobs)
}, 120_000)
afterAll(async () => {
  await worker?.stop()
  await ctx.close()
})

async function storedTickets(workspaceId: string) {
  const [row] = await ctx.database.db
    .select({ n: count() })
    .from(crmTickets)
    .where(eq(crmTickets.workspaceId, workspaceId))
  return row?.n ?? 0
}

it('a huge import hands its only slot to a small portal between slices, then finishes whole', async () => {
  const big = ctx.sim.control.createPortal({ companies: 400, tickets: 6000, seed: 'slices-big' })
  const bigWorkspace = await connectAndRequestSync(ctx, worker!, big.portalId)
  await expect.poll(() => slowTokens.size, { timeout: 20_000 }).toBe(1)
  slowNext = false

  const small = await connectAndRequestSync(
    ctx,
    worker!,
    ctx.sim.control.createPortal({ companies: 3, tickets: 10 }).portalId,
  )
  await expect.poll(() => importFinished(ctx, small), { timeout: 60_000, interval: 200 }).toBe(true)
  // The small portal got the slot while the big import was still under way.
  expect(await importFinished(ctx, bigWorkspace)).toBe(false)

  // Slice after slice, the big import resumes from its checkpoints and misses nothing.
  await expect.poll(() => importFinished(ctx, bigWorkspace), { timeout: 240_000, interval: 500 }).toBe(true)
  expect(await storedTickets(bigWorkspace)).toBe(6000)
  // Each slice's walk of company→ticket links starts where the last one stopped, so the end of the import asks v4
  // for whatever the last walk did not see: every ticket still ends with HubSpot's primary company.
  const rows = await ctx.database.db
    .select({ id: crmTickets.hubspotId, companyId: crmTickets.companyId })
    .from(crmTickets)
    .where(eq(crmTickets.workspaceId, bigWorkspace))
  for (const row of rows.filter((_, i) => i % 61 === 0))
    expect(row.companyId).toBe(await primaryCompanyOf(ctx, big.privateAppToken, row.id))
}, 300_000)
