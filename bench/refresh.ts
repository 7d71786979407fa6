/**
 * `npm run bench:refresh`
 * 1. Added latency of ensureValidToken on a valid token (p50/p99), against a baseline measured in
 *    the same run: the least any token read must do (load the row, open the sealed token).
 * 2. Token-endpoint calls per expired-token burst (200 concurrent API calls) at 1, 4 and 8
 *    backend processes on one Postgres, against the naive baseline of one refresh per call.
 * Uses Postgres (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
 */
import { serve } from '@hono/node-server'
import { createSimulator } from '@churnlens/hubspot-simulator'
import { sql } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { integrations } from '../backend/src/db/schema'
import { secretContext } from '../backend/src/integrations/hubspot/integration-secrets'
import { findIntegrationById } from '../backend/src/integrations/hubspot/find-integration'
import { driveConsentPage } from '../backend/test/drive-consent-page'
import type { BackendProcess } from '../backend/test/spawn-backend'
import { httpAgent, spawnBackend } from '../backend/test/spawn-backend'
import { createTestContext } from '../backend/test/test-context'
import { ms, percentile } from './percentiles'

process.env.TEST_DB = 'postgres'
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'

async function validTokenLatency() {
  const ctx = await createTestContext()
  const agent = await ctx.signedUpAgent()
  const connected = await ctx.connect(agent)
  const id = String(connected.body.integration?.id)
  const rounds = 3000
  const baseline: number[] = []
  const keeper: number[] = []
  const readDirectly = async () => {
    const row = await findIntegrationById(ctx.database.db, id)
    ctx.deps.cipher.open(row!.accessToken!, secretContext(id, 'access_token'))
  }
  const timed = async (sample: number[], fn: () => Promise<unknown>) => {
    const started = performance.now()
    await fn()
    sample.push(performance.now() - started)
  }
  for (let i = 0; i < 300; i++) {
    await readDirectly()
    await ctx.deps.tokens.ensureValidToken(id)
  } // warm-up
  // Interleaved, so both see the same machine and cache conditions.
  for (let i = 0; i < rounds; i++) {
    await timed(baseline, readDirectly)
    await timed(keeper, () => ctx.deps.tokens.ensureValidToken(id))
  }
  await ctx.close()
  console.log('\nensureValidToken on a valid token (%d calls each, Postgres)', rounds)
  console.log(
    `  baseline (load row + open token): p50 ${ms(percentile(baseline, 50))}  p99 ${ms(percentile(baseline, 99))}`,
  )
  console.log(
    `  ensureValidToken:                 p50 ${ms(percentile(keeper, 50))}  p99 ${ms(percentile(keeper, 99))}`,
  )
  console.log(
    `  added latency:                    p50 ${ms(percentile(keeper, 50) - percentile(baseline, 50))}  p99 ${ms(percentile(keeper, 99) - percentile(baseline, 99))}  (ratio p50 ${(percentile(keeper, 50) / percentile(baseline, 50)).toFixed(2)}x)`,
  )
}

async function burstAcrossProcesses() {
  const sim = createSimulator({ seed: 'bench-refresh' })
  const simUrl = await new Promise<string>((resolve) => {
    serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    )
  })
  const { openTestDatabase } = await import('../backend/test/open-test-database')
  const database = await openTestDatabase()
  const env = {
    DATABASE_URL: database.url!,
    HUBSPOT_SIMULATOR_URL: simUrl,
    TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    // 8 instances × (5 + 3 job-queue connections) stays under Postgres's default 100 connections.
    DATABASE_POOL_SIZE: '5',
  }
  const backends: BackendProcess[] = await Promise.all(Array.from({ length: 8 }, () => spawnBackend(env)))
  const agent = httpAgent()
  const first = backends[0]!.url
  await agent.fetch(`${first}/api/v1/auth/signup`, {
    json: { email: 'bench@example.com', password: 'correct horse battery' },
  })
  const { url } = (await (await agent.fetch(`${first}/api/v1/integrations/hubspot/authorize`)).json()) as {
    url: string
  }
  const query = await driveConsentPage(fetch, url, { decision: 'Grant access' })
  await agent.fetch(`${first}/api/v1/integrations/hubspot/callback`, { json: Object.fromEntries(query) })

  const burst = 200
  console.log(
    `\nExpired-token burst: ${burst} concurrent API calls (baseline without coordination: up to ${burst} token-endpoint calls)`,
  )
  for (const processes of [1, 4, 8]) {
    await database.db.update(integrations).set({ tokenExpiresAt: sql`now() - interval '1 minute'` })
    sim.control.expireAccessTokens()
    const before = sim.control.requestLog().filter((r) => r.path === '/oauth/2026-03/token').length
    const started = performance.now()
    const responses = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        agent.fetch(`${backends[i % processes]!.url}/api/v1/integrations/hubspot/portal`),
      ),
    )
    const elapsed = performance.now() - started
    const calls = sim.control.requestLog().filter((r) => r.path === '/oauth/2026-03/token').length - before
    const failed = responses.filter((r) => r.status !== 200).length
    console.log(
      `  ${processes} process(es): ${calls} token-endpoint call(s), ${failed} failed calls, burst took ${elapsed.toFixed(0)} ms  (${(burst / Math.max(calls, 1)).toFixed(0)}x fewer calls than baseline)`,
    )
  }
  await Promise.all(backends.map((b) => b.stop()))
  await database.close()
}

await validTokenLatency()
await burstAcrossProcesses()
process.exit(0)
