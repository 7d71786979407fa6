import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTokenCipher } from '../src/crypto/token-cipher'
import { integrations } from '../src/db/schema'
import { secretContext } from '../src/integrations/hubspot/integration-secrets'
import type { TestContext } from './test-context'
import { createTestContext, testKeyRing } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const rowOf = (workspaceId: string) => ctx.requireIntegrationRow(workspaceId)

describe('tokens at rest', () => {
  it('opens only in its own row and column, and fails closed on tampering or an unknown key', async () => {
    const a = await ctx.signedUpAgent()
    const b = await ctx.signedUpAgent()
    await ctx.connect(a)
    await ctx.connect(b)
    const rowA = await rowOf(a.workspaceId)
    const rowB = await rowOf(b.workspaceId)
    const issued = ctx.sim.control.issuedTokens()

    const opened = ctx.deps.cipher.open(rowA.accessToken!, secretContext(rowA.id, 'access_token'))
    expect(opened.ok && issued.accessTokens.includes(opened.value)).toBe(true)

    // Moved to another row, or to another column of the same row.
    expect(ctx.deps.cipher.open(rowA.accessToken!, secretContext(rowB.id, 'access_token'))).toEqual({
      ok: false,
      error: 'tampered',
    })
    expect(ctx.deps.cipher.open(rowA.accessToken!, secretContext(rowA.id, 'refresh_token'))).toEqual({
      ok: false,
      error: 'tampered',
    })

    // A flipped byte in the ciphertext.
    const parts = rowA.refreshToken!.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 0x01
    parts[3] = body.toString('base64url')
    expect(ctx.deps.cipher.open(parts.join('.'), secretContext(rowA.id, 'refresh_token'))).toEqual({
      ok: false,
      error: 'tampered',
    })

    // A key ring that no longer holds the key.
    const otherRing = createTokenCipher(testKeyRing('k2'))
    expect(otherRing.open(rowA.refreshToken!, secretContext(rowA.id, 'refresh_token'))).toEqual({
      ok: false,
      error: 'unknown_key',
    })
    expect(ctx.deps.cipher.open('plain-token', secretContext(rowA.id, 'refresh_token'))).toEqual({
      ok: false,
      error: 'malformed',
    })
  })

  it("a sealed token swapped into another workspace's row is refused when that workspace disconnects", async () => {
    const victim = await ctx.signedUpAgent()
    const intruder = await ctx.signedUpAgent()
    await ctx.connect(victim)
    await ctx.connect(intruder)
    const victimRow = await rowOf(victim.workspaceId)
    await ctx.database.db
      .update(integrations)
      .set({ refreshToken: victimRow.refreshToken })
      .where(eq(integrations.workspaceId, intruder.workspaceId))
    const res = await intruder.json('/api/v1/integrations/hubspot', { method: 'DELETE' })
    // The intruder's row is wiped, but the victim's token never opened there, so it was never revoked.
    expect(res.status).toBe(200)
    const victimToken = ctx.deps.cipher.open(victimRow.refreshToken!, secretContext(victimRow.id, 'refresh_token'))
    if (!victimToken.ok) throw new Error('victim token should still open in its own row')
    const app = ctx.sim.apps[0]!
    const introspection = await ctx.sim.fetch('http://hubspot.test/oauth/2026-03/token/introspect', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, token: victimToken.value }),
    })
    expect(await introspection.json()).toMatchObject({ active: true })
    expect(
      (await victim.json<{ integration: { status: string } }>('/api/v1/integrations/hubspot')).body.integration.status,
    ).toBe('connected')
  })

  it('no token the simulator issued appears in the database, the logs or any response', async () => {
    const responses: string[] = []
    const agent = await ctx.signedUpAgent()
    const record = async (res: Promise<{ body: unknown }>) => responses.push(JSON.stringify((await res).body))
    await record(ctx.connect(agent))
    await record(agent.json('/api/v1/integrations/hubspot'))
    await record(agent.json('/api/v1/me'))
    const { query } = await ctx.consent(agent)
    await record(agent.json('/api/v1/integrations/hubspot/callback', { json: query }))
    await record(agent.json('/api/v1/integrations/hubspot/callback', { json: query }))
    await record(agent.json('/api/v1/integrations/hubspot', { method: 'DELETE' }))

    const issued = ctx.sim.control.issuedTokens()
    const secrets = [...issued.accessTokens, ...issued.refreshTokens]
    expect(secrets.length).toBeGreaterThan(4)

    const dump: string[] = []
    for (const table of [
      'users',
      'workspaces',
      'sessions',
      'oauth_states',
      'integrations',
      'integration_events',
      'rate_limit_counters',
    ]) {
      // Both drivers answer raw SQL with `{ rows }`.
      const result = (await ctx.database.db.execute(sql.raw(`select * from ${table}`))) as unknown as {
        rows: unknown[]
      }
      dump.push(JSON.stringify(result.rows))
    }
    const haystacks = { database: dump.join('\n'), logs: ctx.logs.join(''), responses: responses.join('\n') }
    expect(haystacks.logs.length).toBeGreaterThan(100)
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} contains an issued token`).toBe(false)
    }
  })
})
