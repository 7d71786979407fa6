import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { crmTickets } from '../src/db/schema'
import { runSync } from '../src/sync/run-sync'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

const HOUR = 3600_000
const pacing = { archivedSweepEveryMs: 6 * HOUR, ownersEveryMs: HOUR }
let ctx: TestContext
const calls: string[] = []

beforeAll(async () => {
  ctx = await createTestContext({
    fetch: (sim) => async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
      calls.push(`${url.pathname}${url.searchParams.get('archived') === 'true' ? '?archived' : ''}`)
      return sim.fetch(input, init)
    },
  })
}, 120_000)
afterAll(() => ctx.close())

it('a steady pass asks HubSpot only what changed; archived records and owners are read again hours apart', async () => {
  const portal = ctx.sim.control.createPortal({ companies: 5, tickets: 30, seed: 'pacing' })
  const agent = await ctx.signedUpAgent()
  const connected = await ctx.connect(agent, portal.portalId)
  const integrationId = String(connected.body.integration?.id)
  await runSync(ctx.deps, integrationId, null, pacing) // the import, then the first archived listing and owners
  expect(calls.filter((c) => c.startsWith('/crm/v3/objects/') && c.endsWith('?archived'))).toHaveLength(3)
  expect(calls.filter((c) => c.startsWith('/crm/v3/owners'))).toHaveLength(2)

  const [gone] = await ctx.database.db
    .select({ id: crmTickets.hubspotId })
    .from(crmTickets)
    .where(eq(crmTickets.workspaceId, agent.workspaceId))
    .limit(1)
  ctx.sim.control.archiveRecord(portal.portalId, 'tickets', String(gone!.id))
  const archived = async () => {
    const [row] = await ctx.database.db
      .select({ archived: crmTickets.archived })
      .from(crmTickets)
      .where(and(eq(crmTickets.workspaceId, agent.workspaceId), eq(crmTickets.hubspotId, gone!.id)))
    return row?.archived
  }

  // Fifteen minutes on: one search per type, nothing else.
  ctx.clock.advance(15 * 60_000)
  calls.length = 0
  await runSync(ctx.deps, integrationId, null, pacing)
  expect(calls.sort()).toEqual([
    '/crm/v3/objects/companies/search',
    '/crm/v3/objects/contacts/search',
    '/crm/v3/objects/tickets/search',
  ])
  expect(await archived()).toBe(false) // its deletion webhook was lost: the sweep finds it later

  // An hour on, the owners again; six hours on, the archived records, and the deletion is seen.
  ctx.clock.advance(HOUR)
  calls.length = 0
  await runSync(ctx.deps, integrationId, null, pacing)
  expect(calls.filter((c) => c.startsWith('/crm/v3/owners'))).toHaveLength(2)
  expect(calls.filter((c) => c.startsWith('/crm/v3/objects/') && c.endsWith('?archived'))).toHaveLength(0)
  ctx.clock.advance(5 * HOUR)
  await runSync(ctx.deps, integrationId, null, pacing)
  expect(await archived()).toBe(true)
}, 120_000)
