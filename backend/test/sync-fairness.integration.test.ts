import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AppDeps } from '../src/app-deps'
import { startJobs } from '../src/jobs/start-jobs'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'
import { connectAndRequestSync, importFinished } from './portal-import'

let ctx: TestContext
let worker: Awaited<ReturnType<typeof startJobs>> | undefined
/** While on, every portal that starts syncing has its CRM requests held: an import that takes hours. */
let holdNewPortals = true
const heldTokens = new Set<string>()
const releases: (() => void)[] = []

function slowPortalDeps(): AppDeps {
  return {
    ...ctx.deps,
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
      const token = headers.get('authorization') ?? ''
      if (url.includes('/crm/') && (heldTokens.has(token) || holdNewPortals)) {
        heldTokens.add(token)
        await new Promise<void>((resolve) => releases.push(resolve))
      }
      return ctx.sim.fetch(input, init)
    },
  }
}

beforeAll(async () => {
  ctx = await createTestContext()
  worker = await startJobs(slowPortalDeps(), ctx.database.jobs)
}, 120_000)
afterAll(async () => {
  holdNewPortals = false
  heldTokens.clear()
  for (const release of releases.splice(0)) release()
  await worker?.stop()
  await ctx.close()
})

it('two portals with endless first imports leave the worker free to import a third', async () => {
  for (const index of [0, 1]) await connectAndRequestSync(ctx, worker!, ctx.sim.portals[index]!.portalId)
  // Both imports are running (each holds a sync slot), stuck on HubSpot.
  await expect.poll(() => heldTokens.size, { timeout: 20_000 }).toBe(2)
  holdNewPortals = false

  const small = await connectAndRequestSync(
    ctx,
    worker!,
    ctx.sim.control.createPortal({ companies: 3, tickets: 10 }).portalId,
  )
  await expect.poll(() => importFinished(ctx, small), { timeout: 30_000, interval: 200 }).toBe(true)
  expect(heldTokens.size).toBe(2) // the two long imports are still where they were
})
