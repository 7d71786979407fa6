import { churnDefinitionApi, DEALS_READ_SCOPE } from '@churnlens/contracts'
import type { ChurnDefinition } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runChurnModelJob } from '../src/churn/model/run-churn-model-job'
import { churnModelRuns, churnOutcomes, integrations, workspaceEvents } from '../src/db/schema'
import { runSync } from '../src/sync/run-sync'
import type { BrowserAgent } from './browser-agent'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
type Agent = BrowserAgent & { workspaceId: string }
let northwind: Agent
let globex: Agent
const DAY = 86_400_000

async function connectAndSync(portalId: number): Promise<Agent> {
  const agent = await ctx.signedUpAgent()
  const connected = await ctx.connect(agent, portalId)
  const outcome = await runSync(ctx.deps, String(connected.body.integration?.id))
  expect(outcome).toMatchObject({ status: 'done', failures: [], completedImport: true })
  return agent
}

beforeAll(async () => {
  ctx = await createTestContext()
  northwind = await connectAndSync(2000001)
  globex = await connectAndSync(2000002)
}, 120_000)
afterAll(async () => {
  await ctx.close()
})

/** Saves a definition as the owner would, then runs the background job the save asked for. */
async function define(agent: Agent, definition: ChurnDefinition, csv?: string) {
  const saved = await agent.call(churnDefinitionApi.save, { body: { definition, ...(csv ? { csv } : {}) } })
  expect(saved).toMatchObject({ ok: true, status: 202 })
  expect(ctx.syncRequests).toContainEqual({ integrationId: agent.workspaceId, reason: 'model:definition' })
  const run = await runChurnModelJob(ctx.deps, agent.workspaceId, 'definition')
  const outcomes = await ctx.database.db
    .select()
    .from(churnOutcomes)
    .where(eq(churnOutcomes.workspaceId, agent.workspaceId))
  return { run, outcomes: new Map(outcomes.map((o) => [o.companyId, o])) }
}

function truthOf(portalId: number) {
  const truth = ctx.sim.control.groundTruth(portalId)!
  return new Map(truth.companies.map((c) => [Number(c.companyId), c.churnedAt ? Date.parse(c.churnedAt) : null]))
}

/** Ground-truth churners, and for each the churn date the definition read (or null when it did not see it). */
function compare(portalId: number, outcomes: Map<number, { churnedAt: Date | null }>) {
  const truth = truthOf(portalId)
  const seen = [...truth]
    .filter(([, at]) => at !== null)
    .map(([id, at]) => ({ id, at: at!, read: outcomes.get(id)?.churnedAt?.getTime() ?? null }))
  const falseAlarms = [...outcomes].filter(([id, o]) => o.churnedAt !== null && (truth.get(id) ?? null) === null)
  return { churners: seen, falseAlarms }
}

describe('churn definitions read from HubSpot', () => {
  it('offers the portal’s company properties (custom lifecycle stage, churn date) and its renewal pipeline', async () => {
    const options = await northwind.call(churnDefinitionApi.options)
    expect(options.ok).toBe(true)
    if (!options.ok) return
    const lifecycle = options.body.properties[0]!
    expect(lifecycle).toMatchObject({ name: 'lifecyclestage', kind: 'values' })
    expect(lifecycle.options).toContainEqual({ value: '1024653', label: 'Former customer' })
    expect(options.body.properties).toContainEqual(expect.objectContaining({ name: 'churn_date', kind: 'date' }))
    expect(options.body.deals.status).toBe('available')
    if (options.body.deals.status !== 'available') return
    const renewals = options.body.deals.pipelines.find((p) => p.label === 'Renewals')
    expect(renewals?.lostStages.length).toBe(1)
  })

  it('a lifecycle stage set by a person: churn dates from its history, 0–10 days after the real churn, none invented', async () => {
    const preview = await northwind.call(churnDefinitionApi.preview, {
      body: { definition: { kind: 'property', property: 'lifecyclestage', churnedValues: ['1024653'] } },
    })
    expect(preview).toMatchObject({ ok: true, body: { partial: null } })
    const { run, outcomes } = await define(northwind, {
      kind: 'property',
      property: 'lifecyclestage',
      churnedValues: ['1024653'],
    })
    const { churners, falseAlarms } = compare(2000001, outcomes)
    expect(falseAlarms).toEqual([])
    const read = churners.filter((c) => c.read !== null)
    // 5% of northwind's churners were never marked; some churned before the history HubSpot keeps.
    expect(read.length / churners.length).toBeGreaterThan(0.8)
    for (const c of read) {
      expect(c.read! - c.at).toBeGreaterThanOrEqual(0)
      expect(c.read! - c.at).toBeLessThanOrEqual(11 * DAY)
    }
    if (preview.ok) expect(preview.body.counts.churned).toBe(read.length)
    // The job went on to backtest on these outcomes.
    expect(run).toMatchObject({ status: 'done' })
    const view = await northwind.call(churnDefinitionApi.get)
    expect(view).toMatchObject({
      ok: true,
      body: {
        definition: { kind: 'property' },
        outcomes: { status: 'ready', error: null },
        viewer: { canChange: true },
      },
    })
    if (view.ok) expect(view.body.outcomes.counts?.churned).toBe(read.length)
  })

  it('a churn date property: the date itself', async () => {
    const { outcomes } = await define(northwind, { kind: 'date_property', property: 'churn_date' })
    const { churners, falseAlarms } = compare(2000001, outcomes)
    expect(falseAlarms).toEqual([])
    const read = churners.filter((c) => c.read !== null)
    expect(read.length / churners.length).toBeGreaterThan(0.85)
    for (const c of read) expect(Math.abs(c.read! - c.at)).toBeLessThan(DAY)
  })

  it('lost renewal deals in the pipeline picked: the close date of the last lost renewal', async () => {
    const options = await northwind.call(churnDefinitionApi.options)
    if (!options.ok || options.body.deals.status !== 'available') throw new Error('deals not offered')
    const renewals = options.body.deals.pipelines.find((p) => p.label === 'Renewals')!
    const { outcomes, run } = await define(northwind, { kind: 'deals', pipelineId: renewals.id })
    const { churners, falseAlarms } = compare(2000001, outcomes)
    const read = churners.filter((c) => c.read !== null)
    expect(read.length / churners.length).toBeGreaterThan(0.8)
    const sameDay = read.filter((c) => Math.abs(c.read! - c.at) < DAY)
    expect(sameDay.length / read.length).toBeGreaterThan(0.9)
    expect(falseAlarms.length).toBeLessThanOrEqual(Math.ceil(read.length * 0.05))
    expect(run).toMatchObject({ status: 'done' })
    const [latest] = await ctx.database.db
      .select()
      .from(churnModelRuns)
      .where(eq(churnModelRuns.workspaceId, northwind.workspaceId))
      .orderBy(churnModelRuns.startedAt)
    expect(latest?.status).toBe('done')
  })

  it('a workflow that sets `other` on the churn date (globex): exact dates', async () => {
    const { outcomes } = await define(globex, {
      kind: 'property',
      property: 'lifecyclestage',
      churnedValues: ['other'],
    })
    const { churners, falseAlarms } = compare(2000002, outcomes)
    expect(falseAlarms).toEqual([])
    const read = churners.filter((c) => c.read !== null)
    expect(read.length / churners.length).toBeGreaterThan(0.8)
    for (const c of read) expect(Math.abs(c.read! - c.at)).toBeLessThan(DAY)
  })

  it('refuses a property or pipeline the portal does not have, and deals without the deals scope', async () => {
    expect(
      await northwind.call(churnDefinitionApi.preview, {
        body: { definition: { kind: 'date_property', property: 'lifecyclestage' } },
      }),
    ).toMatchObject({ ok: false, status: 400, body: { error: { code: 'unknown_property' } } })
    expect(
      await northwind.call(churnDefinitionApi.save, {
        body: { definition: { kind: 'property', property: 'no_such_thing', churnedValues: ['x'] } },
      }),
    ).toMatchObject({ ok: false, status: 400, body: { error: { code: 'unknown_property' } } })
    expect(
      await northwind.call(churnDefinitionApi.save, {
        body: { definition: { kind: 'deals', pipelineId: 'default-x' } },
      }),
    ).toMatchObject({ ok: false, status: 400, body: { error: { code: 'unknown_pipeline' } } })

    const row = await ctx.requireIntegrationRow(globex.workspaceId)
    await ctx.database.db
      .update(integrations)
      .set({ grantedScopes: row.grantedScopes.filter((s) => s !== DEALS_READ_SCOPE) })
      .where(eq(integrations.id, row.id))
    const options = await globex.call(churnDefinitionApi.options)
    expect(options).toMatchObject({ ok: true, body: { deals: { status: 'scope_missing', scope: DEALS_READ_SCOPE } } })
    expect(
      await globex.call(churnDefinitionApi.save, { body: { definition: { kind: 'deals', pipelineId: 'default' } } }),
    ).toMatchObject({ ok: false, status: 409, body: { error: { code: 'deals_scope_missing' } } })
    await ctx.database.db
      .update(integrations)
      .set({ grantedScopes: row.grantedScopes })
      .where(eq(integrations.id, row.id))
  })

  it('an uploaded CSV: checked line by line, matched to synced companies, stored at once', async () => {
    const agent = await connectAndSync(2000003)
    const truth = truthOf(2000003)
    const bad = 'company_id,churned_at\n' + `${[...truth.keys()][0]},2025-02-30x\n`
    expect(
      await agent.call(churnDefinitionApi.save, { body: { definition: { kind: 'upload' }, csv: bad } }),
    ).toMatchObject({
      ok: false,
      status: 400,
      body: {
        error: {
          code: 'invalid_outcomes_csv',
          issues: [{ path: 'csv', message: expect.stringMatching(/^Line 2: churned_at/) }],
        },
      },
    })
    expect(await agent.call(churnDefinitionApi.save, { body: { definition: { kind: 'upload' } } })).toMatchObject({
      ok: false,
      status: 400,
      body: { error: { code: 'invalid_body' } },
    })

    const lines = [...truth].map(([id, at]) => `${id},${at === null ? '' : new Date(at).toISOString().slice(0, 10)}`)
    const csv = ['company_id,churned_at', ...lines, '999999999,2025-01-01', 'acme,2025-01-01'].join('\n')
    const preview = await agent.call(churnDefinitionApi.preview, { body: { definition: { kind: 'upload' }, csv } })
    const churned = [...truth.values()].filter((at) => at !== null).length
    expect(preview).toMatchObject({ ok: true, body: { counts: { companies: truth.size, churned, unmatched: 2 } } })
    // A real list runs past the 32 KiB every other JSON body is held to: the upload has a limit of its own.
    const long = [csv, ...Array.from({ length: 4000 }, (_, i) => `${800_000_000 + i},2025-01-01`)].join('\n')
    expect(long.length).toBeGreaterThan(64 * 1024)
    expect(
      await agent.call(churnDefinitionApi.preview, { body: { definition: { kind: 'upload' }, csv: long } }),
    ).toMatchObject({ ok: true, body: { counts: { companies: truth.size, unmatched: 4002 } } })
    const { outcomes } = await define(agent, { kind: 'upload' }, csv)
    expect(outcomes.size).toBe(truth.size)
    const events = await ctx.database.db
      .select()
      .from(workspaceEvents)
      .where(eq(workspaceEvents.workspaceId, agent.workspaceId))
    expect(events.map((e) => e.type)).toContain('churn.outcomes_uploaded')
    const view = await agent.call(churnDefinitionApi.get)
    expect(view).toMatchObject({ ok: true, body: { outcomes: { status: 'ready', counts: { churned } } } })
  })

  it('only an owner changes the definition; a member reads it', async () => {
    const colleague = await ctx.memberOf(globex.workspaceId)
    expect(await colleague.call(churnDefinitionApi.get)).toMatchObject({
      ok: true,
      body: { definition: { kind: 'property' }, viewer: { canChange: false } },
    })
    expect(
      await colleague.call(churnDefinitionApi.save, {
        body: { definition: { kind: 'date_property', property: 'createdate' } },
      }),
    ).toMatchObject({ ok: false, status: 403, body: { error: { code: 'forbidden' } } })
  })

  it('without HubSpot connected there is nothing to read', async () => {
    const agent = await ctx.signedUpAgent()
    expect(await agent.call(churnDefinitionApi.options)).toMatchObject({
      ok: false,
      status: 404,
      body: { error: { code: 'not_connected' } },
    })
    expect(await agent.call(churnDefinitionApi.get)).toMatchObject({
      ok: true,
      body: { definition: null, outcomes: { status: null, counts: null } },
    })
  })
})
