import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cadenceFor, claimScheduledSyncs } from '../src/sync/pace-scheduled-sync'
import { runSync } from '../src/sync/run-sync'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  // HubSpot's real limits, daily one included (private apps get the daily headers).
  ctx = await createTestContext({ rateLimits: true })
})
afterAll(async () => {
  await ctx.close()
})

type View = { integration: { id: string; dailyUsage: { limit: number; used: number; seenAt: string } | null } }

describe("a portal's daily HubSpot budget", () => {
  it('is read from the rate-limit headers, shown with the integration, and slows the scheduled passes', async () => {
    const portal = ctx.sim.control.createPortal({ companies: 4, tickets: 30, seed: 'daily' })
    ctx.sim.control.updateSettings({ dailyLimit: 1_000 })
    const agent = await ctx.signedUpAgent()
    const saved = await agent.json<View>('/api/v1/integrations/hubspot/api-key', {
      json: { token: portal.privateAppToken },
    })
    const id = saved.body.integration.id
    expect(await runSync(ctx.deps, id)).toMatchObject({ status: 'done', failures: [] })

    const view = await agent.json<View>('/api/v1/integrations/hubspot')
    const usage = view.body.integration.dailyUsage
    expect(usage).toMatchObject({ limit: 1_000 })
    const calls = ctx.sim.control.requestLog().filter((r) => r.path.startsWith('/crm/') && !r.path.endsWith('/search'))
    expect(usage?.used).toBeGreaterThanOrEqual(calls.length)
    // Plenty of the day left: due again three sweep ticks before its 15 minutes are up, not before.
    const cadence = cadenceFor(900)
    const due = () => claimScheduledSyncs(ctx.database.db, ctx.clock.now(), cadence)
    expect(await due()).not.toContain(id)
    ctx.clock.advance(11 * 60_000)
    expect(await due()).not.toContain(id)
    ctx.clock.advance(60_000)
    expect(await due()).toContain(id)

    // The day's budget all but spent: the next pass reads HubSpot's answer, and the sweep leaves the portal alone.
    ctx.sim.control.updateSettings({ dailyLimit: (usage?.used ?? 0) + 2 })
    await runSync(ctx.deps, id)
    const after = await agent.json<View>('/api/v1/integrations/hubspot')
    expect(after.body.integration.dailyUsage?.limit).toBe((usage?.used ?? 0) + 2)
    ctx.clock.advance(60 * 60_000)
    expect(await due()).not.toContain(id)
  })
})
