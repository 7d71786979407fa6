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
 * The simulator's seeded portals come from a model of customer health that knows nothing of our signals,
 * and its ground truth says which of today's customers leave in the next 90 days. The score is judged on
 * those customers only (companies that already left are not a prediction). When this data arrived the
 * score reached ROC AUC 0.43 on northwind (16 of 240 churn) and 0.41 on globex (9 of 92), no better than
 * chance, and 0.45 on 5,000 generated companies (bench:churn). The floors are those figures minus a margin
 * for a different seed (with so few churners one seed moves AUC by about 0.1): a guard against the score
 * getting worse still, not a claim that it is good.
 */
const floors: Record<string, { auc: number; precisionAtTop10: number }> = {
  'northwind-demo.com': { auc: 0.3, precisionAtTop10: 0 },
  'globex-demo.com': { auc: 0.25, precisionAtTop10: 0 },
}

describe('churn scores against the seeded ground truth: which current customers leave within 90 days', () => {
  it.each([
    [0, 'northwind'],
    [1, 'globex'],
  ])('portal %i (%s): ROC AUC and precision at the top 10%', async (index) => {
    const portal = ctx.sim.portals[index]!
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    const outcome = await runSync(ctx.deps, String(connected.body.integration?.id))
    expect(outcome).toMatchObject({ status: 'done', failures: [] })
    const truth = ctx.sim.control.groundTruth(portal.portalId)!
    expect(truth.asOf).toBe(ctx.clock.now().toISOString())
    const customers = new Map(
      truth.companies.filter((t) => t.churnedAt === null).map((t) => [Number(t.companyId), t.churnsWithinHorizon]),
    )
    const scores = await ctx.database.db
      .select()
      .from(churnScores)
      .where(eq(churnScores.workspaceId, agent.workspaceId))
    expect(scores.length).toBe(truth.companies.length)
    const judged = scores
      .filter((s) => customers.has(s.companyId))
      .map((s) => ({ score: s.score, churning: customers.get(s.companyId) ?? false }))
    expect(judged.length).toBe(customers.size)
    const quality = rankingQuality(judged)
    console.info(
      `${portal.hubDomain}: ROC AUC ${quality.auc.toFixed(3)} (0.5 = no better than chance), precision in the top 10% ${quality.precisionAtTop10.toFixed(2)} ` +
        `(chance: ${(quality.churning / quality.total).toFixed(2)}); ${quality.churning} of ${quality.total} current customers churn within ${truth.horizonDays} days`,
    )
    const floor = floors[portal.hubDomain]!
    expect(quality.auc).toBeGreaterThanOrEqual(floor.auc)
    expect(quality.precisionAtTop10).toBeGreaterThanOrEqual(floor.precisionAtTop10)
  })
})
