import { authApi, hubspotApi } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../src/db/schema'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

async function refreshTokenIsLive(refreshToken: string) {
  const app = ctx.sim.apps[0]!
  const res = await ctx.sim.fetch('http://hubspot.test/oauth/2026-03/token/introspect', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      token: refreshToken,
      token_type_hint: 'refresh_token',
    }),
  })
  return ((await res.json()) as { active: boolean }).active
}

/** Every row of every workspace-scoped table that belongs to the workspace. */
async function rowsOf(workspaceId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const [name, table] of Object.entries(schema)) {
    if (typeof table !== 'object' || table === null || !('workspaceId' in table)) continue
    const column = (table as typeof schema.crmCompanies).workspaceId
    const rows = await ctx.database.db
      .select()
      .from(table as typeof schema.crmCompanies)
      .where(eq(column, workspaceId))
    if (rows.length > 0) counts[name] = rows.length
  }
  return counts
}

async function seedSyncedData(workspaceId: string) {
  const { db } = ctx.database
  await db.insert(schema.crmCompanies).values({ workspaceId, hubspotId: 1, name: 'Acme' })
  await db.insert(schema.crmTickets).values({ workspaceId, hubspotId: 10, companyId: 1, subject: 'Help' })
  await db.insert(schema.churnScores).values({
    workspaceId,
    companyId: 1,
    score: 50,
    band: 'medium',
    reasons: [],
    ticketCount: 1,
    openTickets: 1,
    recentTickets: 1,
    computedAt: ctx.clock.now(),
  })
  await db
    .insert(schema.churnScoreHistory)
    .values({ workspaceId, companyId: 1, score: 50, computedAt: ctx.clock.now() })
}

describe('deleting a workspace', () => {
  it('needs the owner to type its name', async () => {
    const owner = await ctx.signedUpAgent()
    const res = await owner.call(authApi.deleteWorkspace, { body: { confirmName: 'not its name' } })
    expect(res).toMatchObject({
      status: 400,
      body: {
        error: { code: 'workspace_name_mismatch', message: 'Type the workspace name exactly as shown to confirm.' },
      },
    })
    expect((await owner.call(authApi.getMe)).status).toBe(200)
  })

  it('revokes the HubSpot grant, deletes every row of the workspace and the owner account, and leaves others alone', async () => {
    const owner = await ctx.signedUpAgent()
    const bystander = await ctx.signedUpAgent()
    await ctx.connect(owner)
    await seedSyncedData(owner.workspaceId)
    await seedSyncedData(bystander.workspaceId)
    const refreshToken = ctx.sim.control.issuedTokens().refreshTokens.at(-1)!
    expect(await refreshTokenIsLive(refreshToken)).toBe(true)
    const bystanderRows = await rowsOf(bystander.workspaceId)
    expect(Object.keys(await rowsOf(owner.workspaceId))).toEqual(
      expect.arrayContaining(['integrations', 'crmCompanies', 'crmTickets', 'churnScores', 'sessions']),
    )

    const me = await owner.call(authApi.getMe)
    const name = me.ok ? me.body.workspace.name : ''
    const res = await owner.call(authApi.deleteWorkspace, { body: { confirmName: name } })
    expect(res.status).toBe(204)

    expect(await refreshTokenIsLive(refreshToken)).toBe(false)
    expect(await rowsOf(owner.workspaceId)).toEqual({})
    expect(await ctx.database.db.select().from(schema.users).where(eq(schema.users.email, owner.email))).toEqual([])
    expect((await owner.call(authApi.getMe)).status).toBe(401)
    expect(await rowsOf(bystander.workspaceId)).toEqual(bystanderRows)
    // The email is free again.
    expect(
      (await ctx.agent().call(authApi.signUp, { body: { email: owner.email, password: 'correct horse battery' } }))
        .status,
    ).toBe(201)
  })

  it('deletes nothing when HubSpot cannot be reached to revoke the grant', async () => {
    const owner = await ctx.signedUpAgent()
    await ctx.connect(owner)
    const before = await rowsOf(owner.workspaceId)
    ctx.sim.control.failNext({ pathPrefix: '/oauth/2026-03/token/revoke', status: 503, count: 1 })
    const me = await owner.call(authApi.getMe)
    const res = await owner.call(authApi.deleteWorkspace, {
      body: { confirmName: me.ok ? me.body.workspace.name : '' },
    })
    expect(res).toMatchObject({ status: 503, body: { error: { code: 'hubspot_unavailable' } } })
    expect(await rowsOf(owner.workspaceId)).toEqual(before)
  })
})

describe('disconnecting', () => {
  it('keeps the synced data unless asked to delete it too', async () => {
    const keeps = await ctx.signedUpAgent()
    await ctx.connect(keeps)
    await seedSyncedData(keeps.workspaceId)
    expect((await keeps.call(hubspotApi.disconnect)).status).toBe(200)
    expect(await rowsOf(keeps.workspaceId)).toMatchObject({ crmCompanies: 1, crmTickets: 1, churnScores: 1 })

    const forgets = await ctx.signedUpAgent()
    await ctx.connect(forgets)
    await seedSyncedData(forgets.workspaceId)
    expect((await forgets.call(hubspotApi.disconnect, { query: { forgetData: 'true' } })).status).toBe(200)
    const left = await rowsOf(forgets.workspaceId)
    for (const table of ['crmCompanies', 'crmTickets', 'churnScores', 'churnScoreHistory', 'syncState'])
      expect(left[table], table).toBeUndefined()
    // The connection's own history stays: it tells who disconnected and when.
    expect(left).toMatchObject({ integrations: 1, integrationEvents: 2 })
  })
})
