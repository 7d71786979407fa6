import type { ChurnReason } from '@churnlens/contracts'
import { followUpTasksApi } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crmCompanies, followUpTasks } from '../src/db/schema'
import { createFollowUpTask } from '../src/follow-up-tasks/create-follow-up-task'
import { raiseFollowUpTasks } from '../src/follow-up-tasks/raise-follow-up-tasks'
import { createLogger } from '../src/http/create-logger'
import { startJobs } from '../src/jobs/start-jobs'
import { companyLink } from '../src/links/company-link'
import { until, writeScored } from './scored-companies'
import type { TestContext } from './test-context'
import { SIMULATOR_URL, createTestContext } from './test-context'

let ctx: TestContext
type Worker = Awaited<ReturnType<typeof startJobs>>
const workers: Worker[] = []
const MINUTE = 60_000
const NORTHWIND = 2000001
const INITECH = 2000003

beforeAll(async () => {
  ctx = await createTestContext()
  // Two instances of the product working on one database, as in production.
  for (let i = 0; i < 2; i++)
    workers.push(
      await startJobs({ ...ctx.deps, logger: createLogger('warn', { write: () => undefined }) }, ctx.database.jobs),
    )
})
afterAll(async () => {
  for (const worker of workers) await worker.stop()
  await ctx.close()
})

interface SimTask {
  id: string
  properties: Record<string, string | null>
  companyIds: string[]
}

/** What reached the portal, read through the simulator's control endpoint. */
async function tasksIn(portalId: number): Promise<SimTask[]> {
  const res = await ctx.sim.fetch(`${SIMULATOR_URL}/_simulator/portals/${portalId}/tasks`)
  return ((await res.json()) as { results: SimTask[] }).results
}

/** Real records of the portal, read as HubSpot serves them, so the tasks' associations point at live companies. */
async function portalRecords(portalId: number) {
  const portal = ctx.sim.portals.find((p) => p.portalId === portalId)!
  if (!portal.privateAppScopes.includes('crm.objects.owners.read'))
    portal.privateAppScopes.push('crm.objects.owners.read')
  const get = async (path: string) => {
    const res = await ctx.sim.fetch(`${SIMULATOR_URL}${path}`, {
      headers: { authorization: `Bearer ${portal.privateAppToken}` },
    })
    return ((await res.json()) as { results: { id: string }[] }).results.map((r) => r.id)
  }
  return {
    companyIds: (await get('/crm/v3/objects/companies?limit=20')).map(Number),
    ownerIds: await get('/crm/v3/owners'),
  }
}

const reasons: ChurnReason[] = [
  { signal: 'urgent_share', points: 30, evidence: '3 urgent tickets open for 9 days', ticketIds: [] },
  { signal: 'cancellation_language', points: 25, evidence: '"cancel" in 2 recent tickets', ticketIds: [] },
  { signal: 'reopened', points: 10, evidence: '2 tickets reopened', ticketIds: [] },
]

async function scored(workspaceId: string, companyId: number, score: number) {
  await writeScored(ctx.database.db, workspaceId, companyId, score, ctx.clock.now(), score >= 60 ? reasons : [])
}

/** A workspace connected to `portalId` with its companies scored low, then switched on (where it can be). */
async function connectedWorkspace(portalId: number, companies: { id: number; name: string; ownerId: string | null }[]) {
  const owner = await ctx.signedUpAgent()
  const connected = await ctx.connect(owner, portalId)
  expect(connected.status).toBe(200)
  for (const c of companies) {
    await ctx.database.db
      .insert(crmCompanies)
      .values({ workspaceId: owner.workspaceId, hubspotId: c.id, name: c.name, ownerId: c.ownerId })
    await scored(owner.workspaceId, c.id, 30)
  }
  ctx.clock.advance(MINUTE)
  return owner
}

describe('follow-up tasks in HubSpot, with the scope', () => {
  it(
    'creates one task per company entering the high band, across two workers and repeated passes',
    { timeout: 90_000 },
    async () => {
      const { companyIds, ownerIds } = await portalRecords(NORTHWIND)
      const [owned, unowned, stays] = companyIds
      const ownerId = ownerIds[1]!
      const owner = await connectedWorkspace(NORTHWIND, [
        { id: owned!, name: 'Acme', ownerId },
        { id: unowned!, name: 'Nobody Owns Co', ownerId: null },
        { id: stays!, name: 'Calm Ltd', ownerId },
      ])
      const ws = owner.workspaceId
      const before = (await tasksIn(NORTHWIND)).length

      const off = await owner.call(followUpTasksApi.get)
      expect(off.body).toMatchObject({ status: 'off', enabled: false, missingScopes: [], recent: [] })
      const on = await owner.call(followUpTasksApi.set, { body: { enabled: true } })
      expect(on).toMatchObject({ status: 200, body: { status: 'on', enabled: true } })
      const member = await ctx.memberOf(ws)
      expect(await member.call(followUpTasksApi.set, { body: { enabled: false } })).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      })

      ctx.clock.advance(MINUTE)
      await scored(ws, owned!, 72)
      await scored(ws, unowned!, 65)
      await scored(ws, stays!, 40)
      await Promise.all(workers.flatMap((w) => [w.requestAlertCheck(ws), w.requestAlertCheck(ws)]))
      const view = await until(
        async () => (await owner.call(followUpTasksApi.get)).body,
        (v) => 'recent' in v && v.recent.length === 2 && v.recent.every((t) => t.state === 'created'),
      )
      await Promise.all(workers.map((w) => w.requestAlertCheck(ws)))
      await new Promise((resolve) => setTimeout(resolve, 3000)) // room for any duplicate to show up

      const created = (await tasksIn(NORTHWIND)).slice(before)
      expect(created).toHaveLength(2)
      const acme = created.find((t) => t.companyIds.includes(String(owned)))!
      expect(acme.companyIds).toEqual([String(owned)])
      expect(acme.properties).toMatchObject({
        hs_task_subject: 'Churn risk: Acme is high (72/100)',
        hubspot_owner_id: ownerId,
        hs_task_priority: 'HIGH',
        hs_task_type: 'TODO',
        hs_task_status: 'NOT_STARTED',
        hs_timestamp: '2026-11-25T09:00:00.000Z', // the clock is on a Tuesday: due Wednesday morning
      })
      expect(acme.properties.hs_task_body).toBe(
        [
          'Acme entered the high churn-risk band with a score of 72/100.',
          '',
          'Top reasons:',
          '• 3 urgent tickets open for 9 days (+30)',
          '• "cancel" in 2 recent tickets (+25)',
          '• 2 tickets reopened (+10)',
          '',
          `Open in Churnlens: ${companyLink('http://localhost:3000', ctx.deps.sessionSecret, ws, owned!)}`,
        ].join('\n'),
      )
      const nobody = created.find((t) => t.companyIds.includes(String(unowned)))!
      expect(nobody.properties.hubspot_owner_id ?? null).toBeNull()

      if (!('recent' in view)) throw new Error('no view')
      expect(view.recent.map((t) => [t.companyId, t.companyName, t.ownerId, t.attempts]).sort()).toEqual(
        [
          [owned, 'Acme', ownerId, 1],
          [unowned, 'Nobody Owns Co', null, 1],
        ].sort(),
      )
      expect(view.recent.find((t) => t.companyId === owned)).toMatchObject({
        hubspotTaskId: acme.id,
        hubspotUrl: `https://app.hubspot.com/contacts/${NORTHWIND}/company/${owned}`,
      })

      // Later passes with the company still high raise nothing; leaving and re-entering the band is a new entry.
      ctx.clock.advance(MINUTE)
      await scored(ws, owned!, 75)
      expect(await raiseFollowUpTasks(ctx.database.db, ws, ctx.clock.now())).toEqual({ raised: 0, toCreate: [] })
      ctx.clock.advance(MINUTE)
      await scored(ws, owned!, 40)
      ctx.clock.advance(MINUTE)
      await scored(ws, owned!, 80)
      // Two instances raising and creating at the same moment: one task.
      const raised = await Promise.all([
        raiseFollowUpTasks(ctx.database.db, ws, ctx.clock.now()),
        raiseFollowUpTasks(ctx.database.db, ws, ctx.clock.now()),
      ])
      expect(raised[0]!.raised + raised[1]!.raised).toBe(1)
      const id = raised[0]!.toCreate[0]!
      const outcomes = await Promise.all([createFollowUpTask(ctx.deps, id), createFollowUpTask(ctx.deps, id)])
      expect(outcomes.sort()).toEqual(['created', 'skipped'])
      expect((await tasksIn(NORTHWIND)).slice(before)).toHaveLength(3)
    },
  )

  it('retries HubSpot outages with backoff, and records a refused task as failed', { timeout: 60_000 }, async () => {
    const { companyIds } = await portalRecords(NORTHWIND)
    const owner = await connectedWorkspace(NORTHWIND, [
      { id: companyIds[3]!, name: 'Flaky Inc', ownerId: null },
      { id: companyIds[4]!, name: 'Gone Owner', ownerId: '424242' },
    ])
    const ws = owner.workspaceId
    await owner.call(followUpTasksApi.set, { body: { enabled: true } })
    ctx.clock.advance(MINUTE)
    await scored(ws, companyIds[3]!, 70)
    await scored(ws, companyIds[4]!, 70)
    const { toCreate } = await raiseFollowUpTasks(ctx.database.db, ws, ctx.clock.now())
    const idOf = async (companyId: number) =>
      (await ctx.database.db.select().from(followUpTasks).where(eq(followUpTasks.companyId, companyId))).find((t) =>
        toCreate.includes(t.id),
      )!
    const flaky = await idOf(companyIds[3]!)
    const gone = await idOf(companyIds[4]!)

    // A 503 or two is retried by the client within one attempt.
    ctx.sim.control.failNext({ pathPrefix: '/crm/v3/objects/tasks', status: 503, count: 2 })
    // HubSpot down for longer: the attempt ends as `retry` (the job throws, pg-boss backs off), then succeeds.
    ctx.sim.control.failNext({ pathPrefix: '/crm/v3/objects/tasks', status: 429, count: 40 })
    expect(await createFollowUpTask(ctx.deps, flaky.id)).toBe('retry')
    const waiting = await idOf(companyIds[3]!)
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 })
    expect(waiting.lastError).toMatch(/unavailable/)
    ctx.sim.control.clearFaults()
    expect(await createFollowUpTask(ctx.deps, flaky.id)).toBe('created')
    expect(await idOf(companyIds[3]!)).toMatchObject({ state: 'created', attempts: 2, lastError: null })

    // An owner HubSpot does not know: refused for good, recorded and shown.
    expect(await createFollowUpTask(ctx.deps, gone.id)).toBe('failed')
    const view = await owner.call(followUpTasksApi.get)
    if (!view.ok) throw new Error('view')
    const failed = view.body.recent.find((t) => t.companyId === companyIds[4])!
    expect(failed).toMatchObject({ state: 'failed', hubspotTaskId: null, hubspotUrl: null })
    expect(failed.lastError).toMatch(/^HubSpot refused the task: .*INVALID_OWNER_ID/)
    expect(await createFollowUpTask(ctx.deps, gone.id)).toBe('skipped')
  })

  it('switches itself off when HubSpot refuses the scope', { timeout: 60_000 }, async () => {
    const { companyIds } = await portalRecords(NORTHWIND)
    const owner = await connectedWorkspace(NORTHWIND, [{ id: companyIds[5]!, name: 'Scope Gone', ownerId: null }])
    const ws = owner.workspaceId
    await owner.call(followUpTasksApi.set, { body: { enabled: true } })
    ctx.clock.advance(MINUTE)
    await scored(ws, companyIds[5]!, 70)
    const { toCreate } = await raiseFollowUpTasks(ctx.database.db, ws, ctx.clock.now())
    expect(toCreate).toHaveLength(1)
    // The portal's admin took the permission back in HubSpot; our record of the grant still has it.
    const granted = (await ctx.requireIntegrationRow(ws)).grantedScopes
    ctx.sim.control.setGrantedScopes(
      NORTHWIND,
      granted.filter((s) => s !== 'crm.objects.contacts.write'),
    )
    try {
      expect(await createFollowUpTask(ctx.deps, toCreate[0]!)).toBe('turned_off')
    } finally {
      ctx.sim.control.setGrantedScopes(NORTHWIND, granted)
    }
    const view = await owner.call(followUpTasksApi.get)
    expect(view.body).toMatchObject({ status: 'off', enabled: false })
    if (!view.ok) throw new Error('view')
    expect(view.body.turnedOffReason).toMatch(/crm\.objects\.contacts\.write.*Reconnect HubSpot/)
    expect(view.body.recent[0]).toMatchObject({ state: 'failed' })
    ctx.clock.advance(MINUTE)
    await scored(ws, companyIds[5]!, 20)
    ctx.clock.advance(MINUTE)
    await scored(ws, companyIds[5]!, 90)
    expect(await raiseFollowUpTasks(ctx.database.db, ws, ctx.clock.now())).toEqual({ raised: 0, toCreate: [] })
  })
})

describe('follow-up tasks in HubSpot, without the scope', () => {
  it('is off, says which scope is missing, and creates nothing', { timeout: 60_000 }, async () => {
    const { companyIds } = await portalRecords(INITECH)
    const owner = await connectedWorkspace(INITECH, [{ id: companyIds[0]!, name: 'Initech Client', ownerId: null }])
    const ws = owner.workspaceId
    expect((await owner.call(followUpTasksApi.get)).body).toMatchObject({
      status: 'needs_scope',
      enabled: false,
      missingScopes: ['crm.objects.contacts.write'],
    })
    expect(await owner.call(followUpTasksApi.set, { body: { enabled: true } })).toMatchObject({
      status: 400,
      body: { error: { code: 'missing_scopes' } },
    })
    ctx.clock.advance(MINUTE)
    await scored(ws, companyIds[0]!, 80)
    await Promise.all(workers.map((w) => w.requestAlertCheck(ws)))
    expect(await raiseFollowUpTasks(ctx.database.db, ws, ctx.clock.now())).toEqual({ raised: 0, toCreate: [] })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await tasksIn(INITECH)).toEqual([])
  })

  it('cannot be switched on without a HubSpot connection', async () => {
    const owner = await ctx.signedUpAgent()
    expect((await owner.call(followUpTasksApi.get)).body).toMatchObject({ status: 'not_connected', enabled: false })
    expect(await owner.call(followUpTasksApi.set, { body: { enabled: true } })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_connected' } },
    })
  })
})
