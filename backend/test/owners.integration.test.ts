import { companiesApi, hubspotApi, ownersApi } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessions, workspaceMembers } from '../src/db/schema'
import { runSync } from '../src/sync/run-sync'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
type Agent = Awaited<ReturnType<TestContext['signedUpAgent']>>

beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

/** A colleague with this email who joins `workspaceId` as a member. */
async function memberWithEmail(workspaceId: string, email: string): Promise<Agent> {
  const colleague = await ctx.signedUpAgent(email)
  const [membership] = await ctx.database.db
    .select()
    .from(workspaceMembers)
    .where(eq(workspaceMembers.workspaceId, colleague.workspaceId))
  await ctx.database.db.insert(workspaceMembers).values({ workspaceId, userId: membership!.userId, role: 'member' })
  await ctx.database.db.update(sessions).set({ workspaceId }).where(eq(sessions.userId, membership!.userId))
  return colleague
}

async function companies(agent: Agent, owner?: string) {
  const res = await agent.call(companiesApi.list, { query: { pageSize: '200', ...(owner ? { owner } : {}) } })
  if (!res.ok) throw new Error(`list failed: ${res.status}`)
  return res.body
}

async function owners(agent: Agent) {
  const res = await agent.call(ownersApi.list)
  if (!res.ok) throw new Error(`owners failed: ${res.status}`)
  return res.body
}

describe('owners and "My accounts"', () => {
  let portal: ReturnType<TestContext['sim']['control']['createPortal']>
  let admin: Agent
  let integrationId: string

  beforeAll(async () => {
    portal = ctx.sim.control.createPortal({ companies: 12, tickets: 150, seed: 'owners' })
    admin = await ctx.signedUpAgent()
    const connected = await ctx.connect(admin, portal.portalId)
    if (connected.status !== 200) throw new Error(`connect failed: ${JSON.stringify(connected.body)}`)
    integrationId = String(connected.body.integration?.id)
    expect(await runSync(ctx.deps, integrationId)).toMatchObject({ status: 'done', failures: [] })
  })

  it("syncs the portal's owners, deactivated ones too, with how many companies each owns", async () => {
    const view = await owners(admin)
    expect(view.missingScopes).toEqual([])
    const domain = portal.hubDomain
    expect(view.owners.map((owner) => [owner.email, owner.archived])).toEqual(
      expect.arrayContaining([
        [`admin@${domain}`, false],
        [`maya@${domain}`, false],
        [`jonas@${domain}`, false],
        [`priya@${domain}`, false],
        [`leo@${domain}`, true],
      ]),
    )
    expect(view.owners).toHaveLength(5)
    const all = await companies(admin)
    const owned = all.companies.filter((company) => company.ownerId !== null)
    expect(view.owners.reduce((sum, owner) => sum + owner.companies, 0)).toBe(owned.length)
    expect(owned.length).toBeGreaterThan(0)
    expect(owned.length).toBeLessThan(all.total)
  })

  it('matches a member to the owner with their account email; "My accounts" lists only what they own', async () => {
    const maya = await memberWithEmail(admin.workspaceId, `Maya@${portal.hubDomain}`)
    const { me } = await owners(maya)
    expect(me).toMatchObject({ matchEmail: `maya@${portal.hubDomain}`, matchedBy: 'account_email' })
    expect(me.owner?.email).toBe(`maya@${portal.hubDomain}`)
    const mine = await companies(maya, 'me')
    expect(mine.total).toBe(me.owner?.companies)
    expect(mine.total).toBeGreaterThan(0)
    expect(mine.companies.every((company) => company.ownerId === me.owner?.id)).toBe(true)
    const byId = await companies(maya, me.owner?.id)
    expect(byId.companies.map((company) => company.id)).toEqual(mine.companies.map((company) => company.id))
  })

  it('an unmatched member sees no "My accounts" until they choose the owner email they work under', async () => {
    const before = await owners(admin)
    expect(before.me).toMatchObject({ matchedBy: 'account_email', owner: null })
    expect((await companies(admin, 'me')).total).toBe(0)

    const chosen = await admin.call(ownersApi.setMyMatch, { body: { email: `JONAS@${portal.hubDomain}` } })
    expect(chosen.ok).toBe(true)
    if (!chosen.ok) return
    expect(chosen.body).toMatchObject({ matchEmail: `jonas@${portal.hubDomain}`, matchedBy: 'chosen_email' })
    const jonas = chosen.body.owner
    expect(jonas?.email).toBe(`jonas@${portal.hubDomain}`)
    const mine = await companies(admin, 'me')
    expect(mine.total).toBe(jonas?.companies)
    expect(mine.companies.every((company) => company.ownerId === jonas?.id)).toBe(true)

    const unknown = await admin.call(ownersApi.setMyMatch, { body: { email: 'nobody@elsewhere.example' } })
    expect(unknown.ok && unknown.body.owner).toBeNull()
    const reset = await admin.call(ownersApi.setMyMatch, { body: { email: null } })
    expect(reset.ok && reset.body).toMatchObject({ matchedBy: 'account_email', owner: null })
    const invalid = await admin.call(ownersApi.setMyMatch, { body: { email: 'not an email' } as never })
    expect(invalid.status).toBe(400)
  })

  it('filters unowned companies, and follows a reassignment in HubSpot on the next sync', async () => {
    const unowned = await companies(admin, 'none')
    expect(unowned.total).toBeGreaterThan(0)
    expect(unowned.companies.every((company) => company.ownerId === null)).toBe(true)

    const { owners: list } = await owners(admin)
    const priya = list.find((owner) => owner.email === `priya@${portal.hubDomain}`)!
    const moved = unowned.companies[0]!
    ctx.clock.advance(60_000)
    ctx.sim.control.updateRecord(portal.portalId, 'companies', String(moved.id), { hubspot_owner_id: priya.id })
    await runSync(ctx.deps, integrationId)
    const hers = await companies(admin, priya.id)
    expect(hers.companies.map((company) => company.id)).toContain(moved.id)
    expect(hers.total).toBe(priya.companies + 1)
  })

  it('CSV export honours the owner filter', async () => {
    const { owners: list } = await owners(admin)
    const maya = list.find((owner) => owner.email === `maya@${portal.hubDomain}`)!
    const csv = await admin.request(`/api/v1/companies/export.csv?owner=${maya.id}`)
    const lines = (await csv.text()).trim().split('\n')
    expect(lines.length - 1).toBe(maya.companies)
  })
})

describe('without the owners scope', () => {
  it('reads no owners and says which scope to grant; "My accounts" is empty', async () => {
    const portal = ctx.sim.control.createPortal({ companies: 5, tickets: 40, seed: 'no-owners' })
    const agent = await ctx.signedUpAgent()
    const saved = await agent.call(hubspotApi.connectApiKey, { body: { token: portal.privateAppToken } })
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    await runSync(ctx.deps, String(saved.body.integration?.id))
    const ownerCalls = ctx.sim.control.requestLog().filter((r) => r.path.startsWith('/crm/v3/owners'))
    const view = await owners(agent)
    expect(view).toMatchObject({ missingScopes: ['crm.objects.owners.read'], owners: [] })
    expect((await companies(agent, 'me')).total).toBe(0)
    expect(ownerCalls.filter((r) => r.status === 403)).toEqual([])
  })
})
