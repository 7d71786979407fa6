/**
 * `npm run bench:sync`: a first import of a 100,000-ticket, 5,000-company portal from the
 * simulator at 250 ms per request (HubSpot's real limits on: 110 requests per 10 s, search 5/s),
 * into Postgres. Prints records/s, requests per 10 s against the 110 ceiling and failed requests,
 * then the same portal read by a plain @hubspot/api-client getAll loop in the same run, and the
 * ratio. Takes several minutes. SYNC_BENCH_TICKETS / SYNC_BENCH_COMPANIES shrink it; SYNC_BENCH_BASELINE=0 skips the
 * client's run.
 */
import { Client } from '@hubspot/api-client'
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { runSync } from '../backend/src/sync/run-sync'
import { createTestContext } from '../backend/test/test-context'

process.env.TEST_DB = 'postgres'
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'
const tickets = Number(process.env.SYNC_BENCH_TICKETS ?? 100_000)
const companies = Number(process.env.SYNC_BENCH_COMPANIES ?? 5_000)

const ctx = await createTestContext({ rateLimits: true })
const portal = ctx.sim.control.createPortal({ companies, tickets, seed: 'bench-sync' })
const counts = ctx.sim.control.crmStats(portal.portalId)!
const records = counts.companies + counts.contacts + counts.tickets
console.log(
  `\nPortal: ${counts.companies} companies, ${counts.contacts} contacts, ${counts.tickets} tickets (${records} records); 250 ms per HubSpot request`,
)

const agent = await ctx.signedUpAgent()
const connected = await ctx.connect(agent, portal.portalId)
ctx.sim.control.updateSettings({ latencyMs: 250 })

/** Requests counted against the 10-second budget (everything but search) per full 10-s window. */
function budgetUse(log: { path: string; status: number; at: number }[]) {
  const counted = log.filter((r) => r.path.startsWith('/crm/') && !r.path.endsWith('/search'))
  if (counted.length === 0) return { average: 0, peak: 0 }
  const start = counted[0]!.at
  const end = counted[counted.length - 1]!.at
  const windows: number[] = []
  for (let t = start; t + 10_000 <= end; t += 10_000)
    windows.push(counted.filter((r) => r.at >= t && r.at < t + 10_000).length)
  return { average: windows.reduce((a, b) => a + b, 0) / Math.max(windows.length, 1), peak: Math.max(...windows, 0) }
}

// --- Churnlens ---
const before = ctx.sim.control.requestLog().length
let started = performance.now()
const outcome = await runSync(ctx.deps, String(connected.body.integration?.id))
const ours = (performance.now() - started) / 1000
const log = ctx.sim.control.requestLog().slice(before)
const failed = log.filter((r) => r.status >= 400).length
const use = budgetUse(log)
console.log('\nChurnlens sync (search lanes + list API, per-portal budgets, associations included)')
console.log(
  `  ${outcome.status === 'done' && outcome.failures.length === 0 ? 'complete' : `INCOMPLETE ${JSON.stringify(outcome)}`} in ${ours.toFixed(1)} s: ${(records / ours).toFixed(0)} records/s`,
)
console.log(
  `  requests: ${log.length} (${log.filter((r) => r.path.endsWith('/search')).length} search), failed: ${failed}${failed ? ` (${[...new Set(log.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`))].join(', ')})` : ''}`,
)
console.log(
  `  10-second budget: ${use.average.toFixed(1)} requests per 10 s on average, peak ${use.peak} (ceiling 110: ${((use.average / 110) * 100).toFixed(1)}% used)`,
)

if (process.env.SYNC_BENCH_BASELINE === '0') {
  await ctx.close()
  process.exit(0)
}

// --- Baseline: HubSpot's own client, getAll per object type, one after another ---
const server = await new Promise<{ url: string; close: () => void }>((resolve) => {
  const s = serve({ fetch: ctx.sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
    resolve({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
  )
})
const client = new Client({ accessToken: portal.privateAppToken, basePath: server.url, numberOfApiCallRetries: 0 })
const baselineBefore = ctx.sim.control.requestLog().length
started = performance.now()
let baselineRecords = 0
let baselineError: string | null = null
try {
  baselineRecords += (await client.crm.companies.getAll(100, undefined, ['name', 'domain'])).length
  baselineRecords += (await client.crm.contacts.getAll(100, undefined, ['email'], undefined, ['companies'])).length
  baselineRecords += (
    await client.crm.tickets.getAll(
      100,
      undefined,
      ['subject', 'content', 'hs_ticket_priority', 'hs_pipeline_stage'],
      undefined,
      ['companies'],
    )
  ).length
} catch (error) {
  baselineError = error instanceof Error ? error.message.slice(0, 200) : String(error)
}
const baseline = (performance.now() - started) / 1000
const baselineLog = ctx.sim.control.requestLog().slice(baselineBefore)
server.close()
console.log('\nBaseline: @hubspot/api-client getAll loop (same portal, same latency)')
console.log(
  `  ${baselineError ? `FAILED after ${baselineRecords} records: ${baselineError}` : 'complete'} in ${baseline.toFixed(1)} s: ${(baselineRecords / baseline).toFixed(0)} records/s, ${baselineLog.length} requests, ${baselineLog.filter((r) => r.status >= 400).length} failed`,
)
console.log(
  `\nRatio: Churnlens is ${(records / ours / (baselineRecords / baseline)).toFixed(2)}x the baseline's records/s`,
)
await ctx.close()
process.exit(0)
