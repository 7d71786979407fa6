/**
 * `npm run bench:tenants`: 500 small connected portals from the simulator on one real Postgres (a fresh
 * database, dropped at the end), one API-only backend process receiving HubSpot's webhooks, and 1, 2
 * and then 4 worker processes. Each phase runs two simulated hours of operation, compressed by
 * TENANTS_BENCH_SPEEDUP (default 30): HubSpot's 30-minute tokens live 1800/30 s, each portal's 15-minute
 * pass interval is 900/30 s (the sweep ticking every 2 s), the minute's token refresh sweep every 2 s,
 * HubSpot answers in 250/30 ms. Every rate is therefore 30 times the real one: a phase that keeps up
 * shows that much headroom.
 *
 * Per worker count it prints: expired-token uses (HubSpot answering 401 to a call; goal 0), the longest
 * gap between two incremental passes of any portal in simulated minutes (goal ≤ 15), how long scheduled
 * passes waited in the queue, webhook bursts (one ticket edited in each of 50 portals at once) until
 * applied, and the most database connections the backend processes held against the documented budget
 * of processes × (DATABASE_POOL_SIZE + 4). Then the phase's capacity: a pass for every portal queued at
 * once, and how fast the workers drain it; the scaling ratio against one worker is on that capacity (the
 * two hours only need the passes the schedule asks for, whatever the number of workers).
 * TENANTS_BENCH_PORTALS and TENANTS_BENCH_WORKERS (e.g. "1,2,4") change the shape.
 */
import { serve } from '@hono/node-server'
import { createSimulator } from '@churnlens/hubspot-simulator'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { hashPassword } from '../backend/src/auth/hash-password'
import { crmTickets, syncState } from '../backend/src/db/schema'
import { openTestDatabase } from '../backend/test/open-test-database'
import type { BackendProcess } from '../backend/test/spawn-backend'
import { spawnBackend } from '../backend/test/spawn-backend'
import { connectPortal } from './connect-portal'
import { enqueuingDeps } from './enqueuing-deps'
import { percentile } from './percentiles'

process.env.TEST_DB = 'postgres'
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'

const speedup = Number(process.env.TENANTS_BENCH_SPEEDUP ?? 30)
const portalCount = Number(process.env.TENANTS_BENCH_PORTALS ?? 500)
const workerCounts = (process.env.TENANTS_BENCH_WORKERS ?? '1,2,4').split(',').map(Number)
const simulatedMs = 2 * 3600_000
const phaseMs = simulatedMs / speedup
const sweepSeconds = Math.max(1, Math.round(900 / speedup))
const poolSize = 5
const burstPortals = 50
/** One burst every ten simulated minutes. */
const burstEveryMs = (10 * 60_000) / speedup
const publicUrl = 'http://localhost:3000'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const toSimMinutes = (realMs: number) => (realMs * speedup) / 60_000

// --- HubSpot: the simulator over HTTP, its clock real, its tokens and latency shrunk by the speed-up ---
let apiUrl = ''
const sim = createSimulator({
  seed: 'bench-tenants',
  redirectUris: [`${publicUrl}/oauth/hubspot/callback`],
  settings: { accessTokenTtlSeconds: Math.round(1800 / speedup), latencyMs: Math.round(250 / speedup) },
  webhooks: {
    // HubSpot posts to the public URL (what the signature covers); here that is the API process.
    fetch: (input, init) =>
      fetch(String(input instanceof Request ? input.url : input).replace(publicUrl, apiUrl), init),
  },
})
const simUrl = await new Promise<string>((resolve) => {
  serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
    resolve(`http://127.0.0.1:${info.port}`),
  )
})
sim.webhooks.configure(sim.apps[0]!.appId, {
  targetUrl: `${publicUrl}/api/v1/webhooks/hubspot`,
  subscriptions: [{ eventType: 'ticket.propertyChange', propertyName: 'subject', active: true }],
})

const database = await openTestDatabase({ poolSize: 1 })
const env = {
  DATABASE_URL: database.url!,
  DATABASE_POOL_SIZE: String(poolSize),
  HUBSPOT_SIMULATOR_URL: simUrl,
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  SESSION_SECRET: randomBytes(32).toString('base64url'),
  NODE_ENV: 'test',
  PUBLIC_URL: publicUrl,
  SYNC_SWEEP_INTERVAL_SECONDS: String(sweepSeconds),
  TOKEN_REFRESH_INTERVAL_SECONDS: String(Math.max(1, Math.round(60 / speedup))),
}

console.log(
  `\n${portalCount} portals, Postgres, speed-up ${speedup}x: two simulated hours = ${(phaseMs / 1000).toFixed(0)} s per phase; ` +
    `tokens live ${Math.round(1800 / speedup)} s, a pass per portal at least every ${sweepSeconds} s, HubSpot latency ${Math.round(250 / speedup)} ms`,
)

// --- Connect every portal through the product's own OAuth flow (users made directly: no 500 scrypt sign-ups) ---
let started = performance.now()
const { deps, stop: stopEnqueuing } = await enqueuingDeps(env, database)
const passwordHash = await hashPassword(randomBytes(16).toString('hex'))
const portals = Array.from({ length: portalCount }, (_, i) =>
  sim.control.createPortal({ companies: 5, tickets: 20, seed: `tenant-${i}` }),
)
const workspaceOfPortal = new Map<number, string>()
const integrationIds: string[] = []
let nextPortal = 0
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (nextPortal < portals.length) {
      const portal = portals[nextPortal++]!
      const connected = await connectPortal(deps, portal, passwordHash)
      await deps.scheduler.requestSync(connected.integrationId, 'connected')
      workspaceOfPortal.set(portal.portalId, connected.workspaceId)
      integrationIds.push(connected.integrationId)
    }
  }),
)
await stopEnqueuing()
console.log(`  connected ${portalCount} portals in ${((performance.now() - started) / 1000).toFixed(1)} s`)

const api = await spawnBackend({ ...env, RUN_WORKER: 'false', TRUST_PROXY: 'true' })
apiUrl = api.url

/** Backend connections to the bench database: everything but this script's own single connection. */
async function backendConnections(): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`pg_stat_activity`)
    .where(sql`datname = current_database() and pid <> pg_backend_pid()`)
  return Number(row?.n ?? 0)
}

/** Each workspace's last complete incremental pass: the oldest of its object types' last runs. */
async function lastPasses(): Promise<Map<string, number>> {
  const rows = await database.db
    .select({ workspaceId: syncState.workspaceId, lastRun: sql<string | null>`min(${syncState.lastRunAt})` })
    .from(syncState)
    .where(eq(syncState.phase, 'incremental'))
    .groupBy(syncState.workspaceId)
    .having(sql`count(*) = 3`)
  return new Map(rows.filter((r) => r.lastRun).map((r) => [r.workspaceId, Date.parse(r.lastRun!)]))
}

async function waitForImports(): Promise<number> {
  const t0 = performance.now()
  for (;;) {
    if ((await lastPasses()).size >= portalCount) return performance.now() - t0
    if (performance.now() - t0 > 600_000) throw new Error('imports did not finish within 10 minutes')
    await sleep(1000)
  }
}

interface PhaseResult {
  workers: number
  expiredUses: number
  tokenRefreshes: number
  maxGapSimMinutes: number
  portalsOverGoal: number
  passes: number
  queueWaitMs: { p50: number; p99: number; max: number }
  passesPerSecond: number
  capacityPerSecond: number
  capacityQueuedMs: number
  burstP50Ms: number
  burstMaxMs: number
  burstsUnapplied: number
  maxConnections: number
  budget: number
}

let burstNumber = 0
async function burst(): Promise<number | null> {
  const n = ++burstNumber
  const chosen = [...portals].sort(() => Math.random() - 0.5).slice(0, burstPortals)
  const edits: { workspaceId: string; hubspotId: number; subject: string }[] = []
  const t0 = performance.now()
  for (const portal of chosen) {
    const subject = `burst ${n} portal ${portal.portalId}`
    const [row] = await database.db
      .select({ hubspotId: crmTickets.hubspotId })
      .from(crmTickets)
      .where(eq(crmTickets.workspaceId, workspaceOfPortal.get(portal.portalId)!))
      .limit(1)
    const edit = sim.control.updateRecord(portal.portalId, 'tickets', String(row!.hubspotId), { subject })
    if (!edit.ok) throw new Error(`edit failed: ${JSON.stringify(edit)}`)
    edits.push({ workspaceId: workspaceOfPortal.get(portal.portalId)!, hubspotId: row!.hubspotId, subject })
  }
  const subjects = edits.map((e) => e.subject)
  while (performance.now() - t0 < 60_000) {
    const applied = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(crmTickets)
      .where(
        and(
          inArray(
            crmTickets.workspaceId,
            edits.map((e) => e.workspaceId),
          ),
          inArray(crmTickets.subject, subjects),
        ),
      )
    if (Number(applied[0]?.n) >= edits.length) return performance.now() - t0
    await sleep(100)
  }
  return null
}

/** How long the phase's scheduled passes waited between being queued and starting (pg-boss's own times). */
async function scheduledQueueWaits(from: number, to: number): Promise<PhaseResult['queueWaitMs']> {
  const result = await database.db.execute<{ ms: number }>(sql`
    select extract(epoch from started_on - created_on) * 1000 as ms from pgboss.job
    where name = 'sync-portal' and data->>'reason' = 'scheduled' and started_on is not null
      and created_on between ${new Date(from)}::timestamptz and ${new Date(to)}::timestamptz`)
  const waits = (result as unknown as { rows: { ms: number }[] }).rows.map((r) => Number(r.ms))
  if (waits.length === 0) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN }
  return { p50: percentile(waits, 50), p99: percentile(waits, 99), max: Math.max(...waits) }
}

/** Capacity: a pass for every portal queued at once (as "Sync now" would), in passes per second until all ended. */
async function drainPassForEveryPortal(): Promise<{ perSecond: number; queuedMs: number }> {
  // The bench's own queue connections come and go here, outside the phase's connection count.
  const enqueuer = await enqueuingDeps(env, database)
  const t0 = Date.now()
  // All at once: queued one after another, the bench's own round trips paced the drain on a busy machine.
  await Promise.all(integrationIds.map((id) => enqueuer.deps.scheduler.requestSync(id, 'manual')))
  const queuedMs = Date.now() - t0
  await enqueuer.stop()
  for (;;) {
    const done = [...(await lastPasses()).values()].filter((at) => at >= t0).length
    if (done >= portalCount) return { perSecond: portalCount / ((Date.now() - t0) / 1000), queuedMs }
    if (Date.now() - t0 > 600_000) throw new Error(`only ${done} of ${portalCount} passes ended within 10 minutes`)
    await sleep(100)
  }
}

async function runPhase(workers: number): Promise<PhaseResult> {
  const processes: BackendProcess[] = await Promise.all(Array.from({ length: workers }, () => spawnBackend(env)))
  if (workers === workerCounts[0]) {
    const importMs = await waitForImports()
    console.log(
      `  first import of all ${portalCount} portals with ${workers} worker(s): ${(importMs / 1000).toFixed(1)} s`,
    )
  }
  const logStart = sim.control.requestLog().length
  const phaseStart = Date.now()
  const last = await lastPasses()
  const runsOf = new Map<string, number[]>([...last.keys()].map((id) => [id, []]))
  let maxConnections = 0
  const bursts: (number | null)[] = []
  let burstRunning: Promise<void> = Promise.resolve()
  let burstBusy = false
  let nextBurst = performance.now() + burstEveryMs / 2
  const t0 = performance.now()
  while (performance.now() - t0 < phaseMs) {
    maxConnections = Math.max(maxConnections, await backendConnections())
    for (const [id, at] of await lastPasses()) {
      const runs = runsOf.get(id)
      // Any pass newer than the last one seen counts, one that ended while this phase's workers were starting too.
      if (runs && at > (runs.at(-1) ?? last.get(id)!) && at < t0 - performance.now() + Date.now() + phaseMs)
        runs.push(at)
    }
    // A burst still being applied when the next is due: that one is skipped, not queued behind it.
    if (performance.now() >= nextBurst) {
      nextBurst += burstEveryMs
      if (!burstBusy) {
        burstBusy = true
        burstRunning = burst().then((ms) => {
          bursts.push(ms)
          burstBusy = false
        })
      }
    }
    await sleep(500)
  }
  const phaseEnd = Date.now()
  await burstRunning
  const queueWaitMs = await scheduledQueueWaits(phaseStart, phaseEnd)
  const capacity = await drainPassForEveryPortal()
  const log = sim.control.requestLog().slice(logStart)
  await Promise.all(processes.map((p) => p.stop()))
  const failures = new Map<string, number>()
  for (const r of log.filter((r) => r.status >= 400 && r.status !== 401))
    failures.set(
      `${r.status} ${r.path.replace(/\d+/g, ':id')}`,
      (failures.get(`${r.status} ${r.path.replace(/\d+/g, ':id')}`) ?? 0) + 1,
    )
  if (process.env.TENANTS_BENCH_DEBUG) {
    console.log('  failed HubSpot requests:', Object.fromEntries(failures))
    for (const p of processes) console.log(p.stderr().slice(-3000))
  }

  let maxGap = 0
  let overGoal = 0
  let passes = 0
  let worst = ''
  for (const [id, runs] of runsOf) {
    // Gaps are counted from the phase's start, once its workers run: the bench stopping one set of processes and
    // starting the next is not the product's doing.
    const points = [phaseStart, ...runs.filter((at) => at > phaseStart), phaseEnd]
    let gap = 0
    for (let i = 1; i < points.length; i++) gap = Math.max(gap, points[i]! - points[i - 1]!)
    passes += points.length - 2
    maxGap = Math.max(maxGap, gap)
    if (toSimMinutes(gap) > 15) overGoal++
    if (process.env.TENANTS_BENCH_DEBUG && gap === maxGap) {
      worst = id
      console.log('  longest gap so far:', points.map((p) => ((p - phaseStart) / 1000).toFixed(1)).join(' '))
    }
  }
  if (process.env.TENANTS_BENCH_DEBUG && worst) {
    // The sync jobs of the portal with the longest gap, in seconds from the phase's start.
    const jobs = await database.db.execute<Record<string, unknown>>(sql`
      select j.data->>'reason' as reason, j.state, j.retry_count, j.priority,
             round(extract(epoch from j.created_on - ${new Date(phaseStart)}::timestamptz)::numeric, 1) as created,
             round(extract(epoch from j.started_on - ${new Date(phaseStart)}::timestamptz)::numeric, 1) as started,
             round(extract(epoch from j.completed_on - ${new Date(phaseStart)}::timestamptz)::numeric, 1) as completed
      from pgboss.job j join integrations i on j.singleton_key = i.id::text
      where j.name = 'sync-portal' and i.workspace_id = ${worst} order by j.created_on`)
    console.table((jobs as unknown as { rows: Record<string, unknown>[] }).rows)
  }
  const applied = bursts.filter((b): b is number => b !== null)
  return {
    workers,
    expiredUses: log.filter((r) => r.status === 401).length,
    tokenRefreshes: log.filter((r) => r.path.startsWith('/oauth/') && r.path.endsWith('/token')).length,
    maxGapSimMinutes: toSimMinutes(maxGap),
    portalsOverGoal: overGoal,
    passes,
    passesPerSecond: passes / ((phaseEnd - phaseStart) / 1000),
    queueWaitMs,
    capacityPerSecond: capacity.perSecond,
    capacityQueuedMs: capacity.queuedMs,
    burstP50Ms: applied.length > 0 ? percentile(applied, 50) : Number.NaN,
    burstMaxMs: applied.length > 0 ? Math.max(...applied) : Number.NaN,
    burstsUnapplied: bursts.length - applied.length,
    maxConnections,
    budget: (workers + 1) * (poolSize + 4),
  }
}

const results: PhaseResult[] = []
for (const workers of workerCounts) {
  started = performance.now()
  const result = await runPhase(workers)
  results.push(result)
  console.log(`\n${workers} worker process(es) + 1 API process, two simulated hours:`)
  console.log(
    `  expired-token uses: ${result.expiredUses} (goal 0); token refreshes: ${result.tokenRefreshes} (${(result.tokenRefreshes / portalCount).toFixed(1)} per portal; 4 expected in two hours)`,
  )
  console.log(
    `  incremental passes: ${result.passes} (${(result.passes / portalCount).toFixed(1)} per portal; at least 8 expected); longest gap between a portal's passes: ${result.maxGapSimMinutes.toFixed(1)} simulated min (goal ≤ 15), ${result.portalsOverGoal} portal(s) over`,
  )
  console.log(
    `  scheduled passes waited in the queue p50 ${(result.queueWaitMs.p50 / 1000).toFixed(2)} s, p99 ${(result.queueWaitMs.p99 / 1000).toFixed(2)} s, max ${(result.queueWaitMs.max / 1000).toFixed(2)} s real (${result.passesPerSecond.toFixed(1)} passes/s asked for by the schedule and webhooks)`,
  )
  console.log(
    `  capacity: a pass for all ${portalCount} portals at once drained at ${result.capacityPerSecond.toFixed(1)} passes/s (queued in ${(result.capacityQueuedMs / 1000).toFixed(1)} s)`,
  )
  console.log(
    `  webhook bursts (1 ticket in each of ${burstPortals} portals): applied in p50 ${(result.burstP50Ms / 1000).toFixed(2)} s, max ${(result.burstMaxMs / 1000).toFixed(2)} s real; ${result.burstsUnapplied} not applied within 60 s`,
  )
  console.log(
    `  database connections: at most ${result.maxConnections} held by the backend processes (budget ${workers + 1} × (${poolSize} + 4) = ${result.budget})`,
  )
}
const base = results[0]!
console.log('\nScaling against one worker:')
for (const r of results)
  console.log(
    `  ${r.workers} worker(s): ${r.capacityPerSecond.toFixed(1)} passes/s at capacity, ${(r.capacityPerSecond / base.capacityPerSecond).toFixed(2)}x one worker`,
  )

await api.stop()
await database.close()
process.exit(0)
