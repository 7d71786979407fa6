import { churnModelApi } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TICKET_CUES_VERSION } from '../src/churn/language/ticket-cues'
import type { TicketCues } from '../src/churn/language/ticket-cues'
import { runChurnModel } from '../src/churn/model/run-churn-model'
import { seededRandom } from '../src/churn/stats/seeded-random'
import {
  churnDefinitions,
  churnOutcomes,
  churnWeightSettings,
  crmCompanies,
  crmTickets,
  workspaceEvents,
} from '../src/db/schema'
import { runSync } from '../src/sync/run-sync'
import type { BrowserAgent } from './browser-agent'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const DAY = 86_400_000

/** The outcomes a churn definition would have produced, marked ready, as the outcomes job leaves them. */
async function setOutcomes(
  workspaceId: string,
  outcomes: { companyId: number; customerSince: number | null; churnedAt: number | null }[],
) {
  const db = ctx.database.db
  await db.delete(churnOutcomes).where(eq(churnOutcomes.workspaceId, workspaceId))
  const values = outcomes.map((o) => ({
    workspaceId,
    companyId: o.companyId,
    customerSince: o.customerSince === null ? null : new Date(o.customerSince),
    churnedAt: o.churnedAt === null ? null : new Date(o.churnedAt),
  }))
  for (let i = 0; i < values.length; i += 1000) await db.insert(churnOutcomes).values(values.slice(i, i + 1000))
  const definition = {
    workspaceId,
    definition: { kind: 'upload' as const },
    setAt: ctx.clock.now(),
    outcomesStatus: 'ready' as const,
    outcomesRefreshedAt: ctx.clock.now(),
  }
  await db
    .insert(churnDefinitions)
    .values(definition)
    .onConflictDoUpdate({ target: churnDefinitions.workspaceId, set: definition })
}

/**
 * 300 companies over two years, stored as a sync would store them. Churners write `churnerCue` in
 * a ticket 20 days before leaving; customers who stay write `stayerCue` every other ticket or so.
 */
async function seedWorkspace(
  workspaceId: string,
  churnerCue: (churnedAt: number) => TicketCues,
  stayerCue: TicketCues,
) {
  const random = seededRandom(17)
  const now = ctx.clock.now().getTime()
  const start = now - 800 * DAY
  const companies = Array.from({ length: 300 }, (_, i) => ({
    id: 9_000_000 + i,
    churnedAt: i < 110 ? start + 150 * DAY + Math.floor(random() * 560) * DAY : null,
  }))
  await ctx.database.db
    .insert(crmCompanies)
    .values(
      companies.map((c) => ({ workspaceId, hubspotId: c.id, name: `Company ${c.id}`, hsCreatedAt: new Date(start) })),
    )
  let ticketId = 70_000_000
  const tickets: (typeof crmTickets.$inferInsert)[] = []
  const add = (companyId: number, at: number, cues: TicketCues) =>
    tickets.push({
      workspaceId,
      hubspotId: ticketId++,
      companyId,
      subject: 'A question',
      priority: 'LOW',
      stage: '4',
      hsCreatedAt: new Date(at),
      closedAt: new Date(at + DAY),
      textCues: cues,
      textCuesVersion: TICKET_CUES_VERSION,
    })
  for (const c of companies) {
    for (
      let at = start + Math.floor(random() * 40) * DAY;
      at < (c.churnedAt ?? now);
      at += (40 + Math.floor(random() * 30)) * DAY
    )
      add(c.id, at, c.churnedAt === null && random() < 0.5 ? stayerCue : {})
    if (c.churnedAt !== null) add(c.id, c.churnedAt - 20 * DAY, churnerCue(c.churnedAt))
  }
  for (let i = 0; i < tickets.length; i += 2000)
    await ctx.database.db.insert(crmTickets).values(tickets.slice(i, i + 2000))
  await setOutcomes(
    workspaceId,
    companies.map((c) => ({ companyId: c.id, customerSince: start, churnedAt: c.churnedAt })),
  )
  return companies
}

/** The model page's data, as a signed-in person reads it. */
async function modelOf(agent: BrowserAgent) {
  const res = await agent.call(churnModelApi.get)
  if (!res.ok) throw new Error(`GET model failed: ${res.status}`)
  return res.body
}

const events = (workspaceId: string) =>
  ctx.database.db.select().from(workspaceEvents).where(eq(workspaceEvents.workspaceId, workspaceId))

describe('the churn model on a workspace’s own history', () => {
  it('backtests a synced portal against its churn, and the model endpoint shows the report and its pictures’ data', async () => {
    const portal = ctx.sim.portals[0]!
    const agent = await ctx.signedUpAgent()
    const connected = await ctx.connect(agent, portal.portalId)
    expect(await runSync(ctx.deps, String(connected.body.integration?.id))).toMatchObject({
      status: 'done',
      failures: [],
    })
    const truth = ctx.sim.control.groundTruth(portal.portalId)!
    await setOutcomes(
      agent.workspaceId,
      truth.companies.map((t) => ({
        companyId: Number(t.companyId),
        customerSince: Date.parse(t.customerSince),
        churnedAt: t.churnedAt ? Date.parse(t.churnedAt) : null,
      })),
    )

    const outcome = await runChurnModel(ctx.deps, agent.workspaceId, 'definition')
    expect(outcome).toMatchObject({ status: 'done' })
    const body = await modelOf(agent)
    const run = body.latestRun!
    expect(run).toMatchObject({ status: 'done', trigger: 'definition', error: null })
    const report = run.report!
    expect(report.companies).toBe(truth.companies.length)
    expect(report.cutoffs).toBeGreaterThanOrEqual(12)
    expect(report.horizonDays).toBe(90)
    expect(report.charts.roc.current[0]).toEqual({ fpr: 0, tpr: 0 })
    expect(report.charts.roc.current.at(-1)).toEqual({ fpr: 1, tpr: 1 })
    expect(report.charts.deciles.current).toHaveLength(10)
    expect(report.notes.join(' ')).toMatch(/read as they are now/)
    if (report.enoughEvidence) expect(report.current.aucLow).not.toBeNull()
    else expect(report.current.auc).toBeNull()
    console.info(
      `${portal.hubDomain} backtest: ${report.churnEvents} churn events, AUC ${report.current.auc?.toFixed(3)} (${report.current.aucLow?.toFixed(3)}–${report.current.aucHigh?.toFixed(3)}), baseline ${report.baseline.auc?.toFixed(3)}; learned: ${report.learned.reason}`,
    )
  })

  it('adopts learned weights that beat the defaults on later months, rescores, and audits it; withdraws them when a later run does not support them', async () => {
    const agent = await ctx.signedUpAgent()
    // Here a reopened ticket foretells churn, and customers who stay mention competitors all the time.
    const companies = await seedWorkspace(agent.workspaceId, () => ({ reopen: ['reopened'] }), {
      cancellation: ['competitor'],
    })
    const first = await runChurnModel(ctx.deps, agent.workspaceId, 'definition')
    expect(first).toMatchObject({ status: 'done', verdict: 'adopted' })
    const body = await modelOf(agent)
    expect(body.weights.mode).toBe('learned')
    expect(body.weights.active.reopened).toBeGreaterThan(body.weights.active.cancellation_language)
    expect(body.latestRun!.report!.learned.adopted).toBe(true)
    expect(ctx.syncRequests).toContainEqual({ integrationId: agent.workspaceId, reason: 'rescore' })
    expect((await events(agent.workspaceId)).map((e) => [e.type, e.actorUserId])).toEqual([
      ['churn.weights_learned_adopted', null],
    ])

    // Later the reopened tickets stop meaning anything: the next run withdraws the learned weights.
    await ctx.database.db.update(crmTickets).set({ textCues: {} }).where(eq(crmTickets.workspaceId, agent.workspaceId))
    expect(companies).toHaveLength(300)
    const second = await runChurnModel(ctx.deps, agent.workspaceId, 'weekly')
    expect(second).toMatchObject({ status: 'done', verdict: 'withdrawn' })
    expect((await modelOf(agent)).weights).toMatchObject({ mode: 'default', learned: null })
    expect((await events(agent.workspaceId)).map((e) => e.type).sort()).toEqual([
      'churn.weights_learned_adopted',
      'churn.weights_learned_withdrawn',
    ])
  })

  it('refuses learned weights that overfit the earlier months', async () => {
    const agent = await ctx.signedUpAgent()
    // Churners sounded frustrated only in the first half of the history: learned on it, tested after.
    const halfway = ctx.clock.now().getTime() - 300 * DAY
    await seedWorkspace(agent.workspaceId, (churnedAt) => (churnedAt < halfway ? { frustration: ['fed up'] } : {}), {})
    const outcome = await runChurnModel(ctx.deps, agent.workspaceId, 'definition')
    expect(outcome).toMatchObject({ status: 'done', verdict: 'unchanged' })
    const body = await modelOf(agent)
    expect(body.weights.mode).toBe('default')
    expect(body.latestRun!.report!.learned).toMatchObject({ adopted: false })
    expect(body.latestRun!.report!.learned.reason).toMatch(/did not beat the defaults|not fitted|to test on/)
    expect(await events(agent.workspaceId)).toEqual([])
  })

  it('lets an owner switch between default and learned weights, audited; others may not', async () => {
    const owner = await ctx.signedUpAgent()
    await seedWorkspace(owner.workspaceId, () => ({ reopen: ['reopened'] }), { cancellation: ['competitor'] })
    await runChurnModel(ctx.deps, owner.workspaceId, 'definition')
    const toDefault = await owner.call(churnModelApi.setWeights, { body: { mode: 'default' } })
    expect(toDefault).toMatchObject({ ok: true, body: { mode: 'default', pinnedDefault: true } })
    expect(toDefault.ok && toDefault.body.learned).toBeTruthy()
    // Pinned: a later win is offered, not applied.
    expect(await runChurnModel(ctx.deps, owner.workspaceId, 'weekly')).toMatchObject({ verdict: 'offered' })
    expect((await modelOf(owner)).weights.mode).toBe('default')
    expect(await owner.call(churnModelApi.setWeights, { body: { mode: 'learned' } })).toMatchObject({
      ok: true,
      body: { mode: 'learned', pinnedDefault: false },
    })
    const switched = (await events(owner.workspaceId)).filter((e) => e.type === 'churn.weights_switched')
    expect(switched.map((e) => [e.detail, e.actorUserId !== null])).toEqual([
      [{ from: 'learned', to: 'default' }, true],
      [{ from: 'default', to: 'learned' }, true],
    ])

    // A colleague who is a member of the owner's workspace, not an owner, may read but not switch.
    const colleague = await ctx.memberOf(owner.workspaceId)
    expect((await modelOf(colleague)).weights.mode).toBe('learned')
    expect(await colleague.call(churnModelApi.setWeights, { body: { mode: 'default' } })).toMatchObject({
      ok: false,
      status: 403,
      body: { error: { code: 'forbidden' } },
    })
  })

  it('says what is missing: no definition, no learned weights yet', async () => {
    const agent = await ctx.signedUpAgent()
    expect(await agent.call(churnModelApi.requestRun)).toMatchObject({
      ok: false,
      status: 409,
      body: { error: { code: 'no_churn_definition' } },
    })
    expect(await agent.call(churnModelApi.setWeights, { body: { mode: 'learned' } })).toMatchObject({
      ok: false,
      status: 409,
      body: { error: { code: 'no_learned_weights' } },
    })
    expect(await runChurnModel(ctx.deps, agent.workspaceId, 'manual')).toEqual({
      status: 'skipped',
      reason: 'no_churn_definition',
    })
    const body = await modelOf(agent)
    expect(body).toMatchObject({ definition: null, latestRun: null, weights: { mode: 'default', learned: null } })
    expect(
      await ctx.database.db
        .select()
        .from(churnWeightSettings)
        .where(eq(churnWeightSettings.workspaceId, agent.workspaceId)),
    ).toEqual([])
  })
})
