import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrations, syncState } from '../src/db/schema'
import { cadenceFor, claimScheduledSyncs } from '../src/sync/pace-scheduled-sync'
import { runSync } from '../src/sync/run-sync'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const MINUTE = 60_000

/** A workspace connected to its own small portal and synced once; its integration id and workspace id. */
async function syncedPortal(seed: string): Promise<{ id: string; workspaceId: string }> {
  const portal = ctx.sim.control.createPortal({ companies: 2, tickets: 4, seed })
  const agent = await ctx.signedUpAgent()
  const saved = await agent.json<{ integration: { id: string } }>('/api/v1/integrations/hubspot/api-key', {
    json: { token: portal.privateAppToken },
  })
  const { id } = saved.body.integration
  const [row] = await ctx.database.db
    .select({ workspaceId: integrations.workspaceId })
    .from(integrations)
    .where(eq(integrations.id, id))
  const workspaceId = row!.workspaceId
  expect(await runSync(ctx.deps, id)).toMatchObject({ status: 'done', failures: [] })
  return { id, workspaceId }
}

describe('the scheduled sweep', () => {
  it('claims the portals that fell due, the longest-waiting first, by their stalest object type, each once', async () => {
    const cadence = cadenceFor(900)
    const claim = () => claimScheduledSyncs(ctx.database.db, ctx.clock.now(), cadence)
    const first = await syncedPortal('order-first')
    ctx.clock.advance(5 * MINUTE)
    const second = await syncedPortal('order-second')
    ctx.clock.advance(5 * MINUTE)
    const third = await syncedPortal('order-third')

    // Ten minutes after the first pass: nobody is due yet (a pass is queued from 12 minutes on).
    expect(await claim()).toEqual([])
    ctx.clock.advance(2 * MINUTE)
    expect(await claim()).toEqual([first.id])
    // Claimed: its pass may wait in the queue or be retried, but the next ticks do not queue it again.
    ctx.clock.advance(MINUTE)
    expect(await claim()).toEqual([])

    // One of the third portal's object types last ran long ago (a failed or skipped type): it counts.
    await ctx.database.db
      .update(syncState)
      .set({ lastRunAt: new Date(ctx.clock.now().getTime() - 60 * MINUTE) })
      .where(and(eq(syncState.workspaceId, third.workspaceId), eq(syncState.objectType, 'contacts')))
    ctx.clock.advance(4 * MINUTE)
    expect(await claim()).toEqual([third.id, second.id])

    // Two sweeps at once (a slow one overlapping the next tick): each due portal is claimed by one of them.
    ctx.clock.advance(12 * MINUTE)
    const [a, b] = await Promise.all([claim(), claim()])
    expect([...a!, ...b!].sort()).toEqual([first.id, second.id, third.id].sort())

    // A pass counts like a claim: the portal is due again twelve minutes after it.
    ctx.clock.advance(5 * MINUTE)
    expect(await runSync(ctx.deps, first.id)).toMatchObject({ status: 'done' })
    ctx.clock.advance(8 * MINUTE)
    expect((await claim()).sort()).toEqual([second.id, third.id].sort())
    ctx.clock.advance(4 * MINUTE)
    expect(await claim()).toEqual([first.id])
  })
})
