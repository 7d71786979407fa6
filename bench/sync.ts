/**
 * `npm run bench:sync`: a first import of a 100,000-ticket, 5,000-company portal from the simulator at 250 ms per
 * request (HubSpot's real limits on: 110 requests per 10 s, search 5/s), into Postgres, by a real worker process (the
 * production entry point) taking the sync job from the queue, as in production. The simulator runs in this process and
 * answers over HTTP, so HubSpot's side of the work is not done on the worker's event loop. Timed from the job's request
 * to every record stored, every company scored and the scores written back to HubSpot.
 *
 * Prints records/s, requests per 10 s against the 110 ceiling and failed requests, then the same portal read by a
 * plain @hubspot/api-client getAll loop (in its own process too) in the same run, and the ratio. Takes several
 * minutes. SYNC_BENCH_TICKETS / SYNC_BENCH_COMPANIES shrink it; SYNC_BENCH_BASELINE=0 skips the client's run;
 * SYNC_BENCH_TIMELINE=1 prints the requests of each 10 seconds by kind.
 */
import { createSimulator } from '@churnlens/hubspot-simulator'
import { serve } from '@hono/node-server'
import { sql } from 'drizzle-orm'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { hashPassword } from '../backend/src/auth/hash-password'
import { openTestDatabase } from '../backend/test/open-test-database'
import { spawnBackend } from '../backend/test/spawn-backend'
import { connectPortal } from './connect-portal'
import { enqueuingDeps } from './enqueuing-deps'

process.env.TEST_DB = 'postgres'
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'
const tickets = Number(process.env.SYNC_BENCH_TICKETS ?? 100_000)
const companies = Number(process.env.SYNC_BENCH_COMPANIES ?? 5_000)
const publicUrl = 'http://localhost:3000'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// --- HubSpot: the simulator over HTTP, real clock and real rate limits ---
const sim = createSimulator({ seed: 'bench-sync', redirectUris: [`${publicUrl}/oauth/hubspot/callback`] })
const simUrl = await new Promise<string>((resolve) => {
  serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
    resolve(`http://127.0.0.1:${info.port}`),
  )
})
const portal = sim.control.createPortal({ companies, tickets, seed: 'bench-sync' })
const counts = sim.control.crmStats(portal.portalId)!
const records = counts.companies + counts.contacts + counts.tickets
console.log(
  `\nPortal: ${counts.companies} companies, ${counts.contacts} contacts, ${counts.tickets} tickets (${records} records); 250 ms per HubSpot request`,
)

// --- Churnlens: connected through its own OAuth flow, then one worker process imports ---
const database = await openTestDatabase({ poolSize: 2 })
const env = {
  DATABASE_URL: database.url!,
  HUBSPOT_SIMULATOR_URL: simUrl,
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  SESSION_SECRET: randomBytes(32).toString('base64url'),
  NODE_ENV: 'test',
  PUBLIC_URL: publicUrl,
  // One slice for the whole import: this measures the import, not how it shares a worker with other portals.
  SYNC_IMPORT_SLICE_SECONDS: '3600',
}
const { deps, stop: stopEnqueuing } = await enqueuingDeps(env, database)
const connected = await connectPortal(deps, portal, await hashPassword(randomBytes(16).toString('hex')))
const worker = await spawnBackend(env)
sim.control.updateSettings({ latencyMs: 250 })

/** Imported (every type's first pass complete), scored (every company) and written back (nothing pending). */
async function importFinished(): Promise<boolean> {
  const result = await database.db.execute<{ types: number; scored: number; pending: number }>(sql`
    select (select count(*)::int from sync_state where phase = 'incremental' and full_completed_at is not null) as types,
           (select count(*)::int from churn_scores) as scored,
           (select count(*)::int from churn_scores where written_score is distinct from score) as pending`)
  const row = (result as unknown as { rows?: { types: number; scored: number; pending: number }[] }).rows?.[0]
  return row !== undefined && row.types === 3 && row.scored >= counts.companies && row.pending === 0
}

const before = sim.control.requestLog().length
let started = performance.now()
await deps.scheduler.requestSync(connected.integrationId, 'connected')
for (;;) {
  if (await importFinished()) break
  if (performance.now() - started > 1_800_000) throw new Error(`import did not finish: ${worker.stderr().slice(-2000)}`)
  await sleep(200)
}
const ours = (performance.now() - started) / 1000
const log = sim.control.requestLog().slice(before)
const failed = log.filter((r) => r.status >= 400).length
const use = budgetUse(log)
console.log('\nChurnlens worker process (search lanes, association lane, list API, per-portal budgets)')
console.log(`  imported, scored and written back in ${ours.toFixed(1)} s: ${(records / ours).toFixed(0)} records/s`)
console.log(
  `  requests: ${log.length} (${log.filter((r) => r.path.endsWith('/search')).length} search), failed: ${failed}${failed ? ` (${[...new Set(log.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`))].join(', ')})` : ''}`,
)
console.log(
  `  10-second budget: ${use.average.toFixed(1)} requests per 10 s on average, peak ${use.peak} (ceiling 110: ${((use.average / 110) * 100).toFixed(1)}% used)`,
)
console.log(
  `    over the whole run, the last partial window included: ${use.overall.toFixed(1)} per 10 s (${((use.overall / 110) * 100).toFixed(1)}%)`,
)
if (process.env.SYNC_BENCH_TIMELINE === '1') printTimeline(log)
await worker.stop()
await stopEnqueuing()

if (process.env.SYNC_BENCH_BASELINE !== '0') {
  // --- Baseline: HubSpot's own client, getAll per object type, one after another, in its own process ---
  const baselineBefore = sim.control.requestLog().length
  started = performance.now()
  const baseline = await runBaseline(simUrl, portal.privateAppToken)
  const baselineLog = sim.control.requestLog().slice(baselineBefore)
  console.log('\nBaseline: @hubspot/api-client getAll loop (same portal, same latency, its own process)')
  console.log(
    `  ${baseline.error ? `FAILED after ${baseline.records} records: ${baseline.error}` : 'complete'} in ${baseline.seconds.toFixed(1)} s: ${(baseline.records / baseline.seconds).toFixed(0)} records/s, ${baselineLog.length} requests, ${baselineLog.filter((r) => r.status >= 400).length} failed`,
  )
  console.log(
    `\nRatio: Churnlens is ${(records / ours / (baseline.records / baseline.seconds)).toFixed(2)}x the baseline's records/s`,
  )
}
await database.close()
process.exit(0)

/** Requests counted against the 10-second budget (everything but search) per full 10-s window, and overall. */
function budgetUse(entries: { path: string; at: number }[]) {
  const counted = entries.filter((r) => r.path.startsWith('/crm/') && !r.path.endsWith('/search'))
  if (counted.length === 0) return { average: 0, peak: 0, overall: 0 }
  const start = counted[0]!.at
  const end = counted[counted.length - 1]!.at
  const windows: number[] = []
  for (let t = start; t + 10_000 <= end; t += 10_000)
    windows.push(counted.filter((r) => r.at >= t && r.at < t + 10_000).length)
  return {
    average: windows.reduce((a, b) => a + b, 0) / Math.max(windows.length, 1),
    peak: Math.max(...windows, 0),
    // The same count spread over the whole run, the last partial window (the import's tail) included.
    overall: (counted.length / Math.max(end - start, 1)) * 10_000,
  }
}

/** Where the budget went: requests per 10 seconds by method and path (ids folded). */
function printTimeline(entries: { method: string; path: string; at: number }[]) {
  const t0 = entries[0]?.at ?? 0
  const windows = new Map<number, Map<string, number>>()
  for (const entry of entries) {
    const window = Math.floor((entry.at - t0) / 10_000) * 10
    const kind = `${entry.method} ${entry.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`
    const counted = windows.get(window) ?? new Map<string, number>()
    counted.set(kind, (counted.get(kind) ?? 0) + 1)
    windows.set(window, counted)
  }
  for (const [window, counted] of windows)
    console.log(`  ${String(window).padStart(4)} s  ${[...counted].map(([kind, n]) => `${n} ${kind}`).join(', ')}`)
  // The import's tail, where the budget goes unused: the last read, then scoring, then the write-back.
  const at = (entry: { at: number } | undefined) => (entry ? `${((entry.at - t0) / 1000).toFixed(1)} s` : '-')
  const reads = entries.filter((e) => !e.path.includes('/batch/update') && !e.path.startsWith('/crm/v3/properties'))
  const writes = entries.filter((e) => e.path.includes('/batch/update'))
  console.log(
    `  tail: last read ${at(reads[reads.length - 1])}, first write-back ${at(writes[0])}, last ${at(writes[writes.length - 1])}`,
  )
  // Second by second from shortly before the tickets' batch reads stopped: what the import's end waits on.
  const bulk = entries.filter((e) => e.path === '/crm/v3/objects/tickets/batch/read')
  const bulkEnd = Math.floor(((bulk[bulk.length - 1]?.at ?? t0) - t0) / 1000) - 2
  const seconds = new Map<number, Map<string, number>>()
  for (const entry of entries) {
    const second = Math.floor((entry.at - t0) / 1000)
    if (second < bulkEnd) continue
    const kind = `${entry.method} ${entry.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`
    const counted = seconds.get(second) ?? new Map<string, number>()
    counted.set(kind, (counted.get(kind) ?? 0) + 1)
    seconds.set(second, counted)
  }
  for (let second = bulkEnd; second <= Math.floor(((entries[entries.length - 1]?.at ?? t0) - t0) / 1000); second++)
    console.log(
      `  ${String(second).padStart(4)} s  ${[...(seconds.get(second) ?? [])].map(([kind, n]) => `${n} ${kind}`).join(', ') || '-'}`,
    )
}

function runBaseline(url: string, token: string): Promise<{ records: number; seconds: number; error: string | null }> {
  const script = fileURLToPath(new URL('./sync-baseline-client.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, SIM_URL: url, TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? ''
      try {
        resolve(JSON.parse(last) as { records: number; seconds: number; error: string | null })
      } catch {
        reject(new Error(`baseline exited ${code}: ${out.slice(-500)}`))
      }
    }),
  )
}
