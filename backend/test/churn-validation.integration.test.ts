import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rankingQuality } from '../src/churn/ranking-quality'
import { churnScores } from '../src/db/schema'
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

/**
 * The simulator's seeded portals know which companies were generated as churning. Scores must
 * rank them high: these floors fail the build if a change to the signals or weights makes the
 * ranking meaningfully worse. (npm run bench:churn prints the same figures.)
 */
describe('churn scores against the seeded ground truth', () => {
  it.each([
    [0, 'northwind'],
    [1, 'globex'],
  ])('portal %i (%s): ROC AUC and precision at the top 10%', async (index) => {
    const portal = ctx.sim.portals[index]!
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    const outcome = await runSync(ctx.deps, String(connected.body.integration?.id))
    expect(outcome).toMatchObject({ status: 'done', failures: [] })
    const truth = new Map(ctx.sim.control.groundTruth(portal.portalId)!.map((t) => [Number(t.companyId), t.churning]))
    const scores = await ctx.database.db
      .select()
      .from(churnScores)
      .where(eq(churnScores.workspaceId, agent.workspaceId))
    expect(scores.length).toBe(truth.size)
    const quality = rankingQuality(scores.map((s) => ({ score: s.score, churning: truth.get(s.companyId) ?? false })))
    console.info(
      `${portal.hubDomain}: AUC ${quality.auc.toFixed(3)}, precision@10% ${quality.precisionAtTop10.toFixed(2)} (${quality.churning} churning of ${quality.total})`,
    )
    expect(quality.auc).toBeGreaterThanOrEqual(0.85)
    expect(quality.precisionAtTop10).toBeGreaterThanOrEqual(0.6)
  })
})
