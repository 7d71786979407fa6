import { authApi } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  churnScoreHistory,
  oauthStates,
  passwordResetTokens,
  rateLimitCounters,
  sessions,
  webhookInbox,
} from '../src/db/schema'
import { pruneExpiredData } from '../src/retention/prune-expired-data'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => {
  await ctx.close()
})

const DAY = 24 * 60 * 60 * 1000
const daysAgo = (days: number) => new Date(ctx.clock.now().getTime() - days * DAY)

describe('the retention job', () => {
  it('prunes what expired, keeps what anyone still needs, and counts what it pruned', async () => {
    const owner = await ctx.signedUpAgent()
    const { db } = ctx.database
    const [user] = await db.select({ userId: sessions.userId }).from(sessions).limit(1)
    if (!user) throw new Error('no session')
    const userId = user.userId
    const workspaceId = owner.workspaceId

    await db.insert(rateLimitCounters).values([
      { key: 'login:ip:old', windowStart: daysAgo(2), count: 50 },
      { key: 'login:ip:current', windowStart: daysAgo(0), count: 3 },
    ])
    const state = (hash: string, expiresAt: Date) => ({
      stateHash: hash,
      workspaceId,
      userId,
      sessionId: 's',
      codeVerifier: 'v',
      redirectUri: 'http://localhost:3000/oauth/hubspot/callback',
      expiresAt,
    })
    await db.insert(oauthStates).values([state('expired-long-ago', daysAgo(3)), state('just-expired', daysAgo(0.5))])
    const session = (id: string, expiresAt: Date, lastSeenAt: Date) => ({
      id,
      userId,
      workspaceId,
      expiresAt,
      lastSeenAt,
    })
    await db
      .insert(sessions)
      .values([
        session('past-its-30-days', daysAgo(1), daysAgo(1.5)),
        session('idle-for-8-days', daysAgo(-20), daysAgo(8)),
        session('in-use', daysAgo(-20), daysAgo(1)),
      ])
    await db.insert(passwordResetTokens).values([
      { id: 'reset-expired', userId, expiresAt: daysAgo(0.1) },
      { id: 'reset-live', userId, expiresAt: daysAgo(-0.02) },
    ])
    const event = (key: string, processedAt: Date | null) => ({
      dedupeKey: key,
      portalId: 1,
      subscriptionType: 'ticket.creation',
      objectId: 1,
      occurredAt: daysAgo(30),
      payload: {},
      processedAt,
    })
    await db
      .insert(webhookInbox)
      .values([
        event('processed-long-ago', daysAgo(8)),
        event('processed-yesterday', daysAgo(1)),
        event('pending', null),
      ])
    const point = (companyId: number, days: number) => ({
      workspaceId,
      companyId,
      score: 40,
      computedAt: daysAgo(days),
    })
    // Company 1 has recent history; company 2 was last scored long ago (its one point stays).
    await db
      .insert(churnScoreHistory)
      .values([point(1, 500), point(1, 450), point(1, 10), point(2, 600), point(2, 500)])

    const pruned = await pruneExpiredData(ctx.deps, ctx.deps.config.retention)
    expect(pruned).toEqual({
      rateLimitCounters: 1,
      oauthStates: 1,
      sessions: 2,
      passwordResets: 1,
      webhookInbox: 1,
      scoreHistory: 3,
    })

    expect((await db.select().from(rateLimitCounters)).map((r) => r.key)).toContain('login:ip:current')
    expect((await db.select().from(rateLimitCounters)).map((r) => r.key)).not.toContain('login:ip:old')
    expect((await db.select().from(oauthStates)).map((r) => r.stateHash)).toEqual(['just-expired'])
    expect((await db.select().from(passwordResetTokens)).map((r) => r.id)).toEqual(['reset-live'])
    const left = (await db.select().from(sessions)).map((r) => r.id)
    expect(left).toContain('in-use')
    expect(left).not.toContain('past-its-30-days')
    expect(left).not.toContain('idle-for-8-days')
    expect((await db.select().from(webhookInbox)).map((r) => r.dedupeKey).sort()).toEqual([
      'pending',
      'processed-yesterday',
    ])
    const history = await db
      .select()
      .from(churnScoreHistory)
      .where(eq(churnScoreHistory.workspaceId, workspaceId))
      .orderBy(churnScoreHistory.companyId, churnScoreHistory.computedAt)
    expect(
      history.map((h) => [h.companyId, Math.round((ctx.clock.now().getTime() - h.computedAt.getTime()) / DAY)]),
    ).toEqual([
      [1, 10],
      [2, 500],
    ])
    // The signed-up session was in use, so the owner is still signed in.
    expect((await owner.call(authApi.getMe)).status).toBe(200)

    const metrics = await ctx.deps.metrics.registry.metrics()
    expect(metrics).toContain('churnlens_retention_pruned_rows_total{table="sessions"} 2')
    expect(metrics).toContain('churnlens_retention_pruned_rows_total{table="scoreHistory"} 3')
    // A second pass finds nothing more.
    expect(await pruneExpiredData(ctx.deps, ctx.deps.config.retention)).toEqual({
      rateLimitCounters: 0,
      oauthStates: 0,
      sessions: 0,
      passwordResets: 0,
      webhookInbox: 0,
      scoreHistory: 0,
    })
  })
})

describe('sessions', () => {
  it('end after a week without use, well before their 30 days', async () => {
    const agent = await ctx.signedUpAgent()
    ctx.clock.advance(6 * DAY)
    expect((await agent.call(authApi.getMe)).status).toBe(200)
    // Each use moves the idle deadline on.
    ctx.clock.advance(6 * DAY)
    expect((await agent.call(authApi.getMe)).status).toBe(200)
    ctx.clock.advance(7 * DAY + 1000)
    expect((await agent.call(authApi.getMe)).status).toBe(401)
  })
})
