/**
 * `npm run bench:churn`:
 * 1. Real data: the backtest on the two public churn sets in ../shared/churn-data (skipped with a
 *    note when absent), the score beside simple baselines, every conversion assumption printed.
 * 2. Speed on Postgres: the full score of 1,000,000 tickets / 20,000 companies against the
 *    signals alone in memory; the p99 re-score of one company after a ticket change; the
 *    dashboard list at that size.
 * 3. The backtest over 24 monthly cut-offs of 100,000 tickets / 5,000 companies, against the
 *    signals alone for the same company-months; the product's backtest job on Postgres at that size.
 * 4. Default versus learned weights on generated portals, each with its interval.
 * 5. Ranking against the generator's ground truth (plumbing, not proof: see the README).
 * CHURN_BENCH_TICKETS / CHURN_BENCH_COMPANIES shrink part 2; CHURN_BENCH_REAL=0 skips part 1.
 */
import { generatePortalData } from '@churnlens/hubspot-simulator'
import { and, eq } from 'drizzle-orm'
import type { CompanyHistory } from '../backend/src/churn/backtest/company-history'
import { runBacktest } from '../backend/src/churn/backtest/run-backtest'
import { escalationCategories } from '../backend/src/churn/language/cue-terms'
import { readTicketCues } from '../backend/src/churn/language/read-ticket-cues'
import { rankingQuality } from '../backend/src/churn/ranking-quality'
import { rescoreCompanies } from '../backend/src/churn/rescore-companies'
import { rescoreWorkspace } from '../backend/src/churn/rescore-workspace'
import { readSignals, scoreCompany } from '../backend/src/churn/score-company'
import { computePortalBaseline } from '../backend/src/churn/signals/compute-portal-baseline'
import { tallyPortal } from '../backend/src/churn/signals/tally-portal'
import type { TicketFacts } from '../backend/src/churn/signals/ticket-facts'
import { toTicketPriority } from '../backend/src/churn/signals/ticket-facts'
import { runChurnModel } from '../backend/src/churn/model/run-churn-model'
import { churnDefinitions, churnOutcomes, churnScores, crmCompanies, crmTickets } from '../backend/src/db/schema'
import { toCrmCompanyValues, toCrmTicketValues } from '../backend/src/sync/to-crm-values'
import { createTestContext } from '../backend/test/test-context'
import { benchRealChurnData } from './churn-real-data'
import { ms, percentile } from './percentiles'

process.env.TEST_DB = 'postgres'
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'
const ticketTotal = Number(process.env.CHURN_BENCH_TICKETS ?? 1_000_000)
const companyTotal = Number(process.env.CHURN_BENCH_COMPANIES ?? 20_000)
const DAY = 86_400_000
const seconds = (from: number) => (performance.now() - from) / 1000

if (process.env.CHURN_BENCH_REAL !== '0') await benchRealChurnData()

const ctx = await createTestContext()
const agent = await ctx.signedUpAgent()
const workspaceId = agent.workspaceId
const now = ctx.clock.now()

/* ---- 2. Speed on Postgres ---- */
let t0 = performance.now()
const data = generatePortalData({
  seed: 'bench-churn',
  now: now.getTime(),
  companies: companyTotal,
  tickets: ticketTotal,
  contactsPerCompany: 1,
})
console.log(
  `\nGenerated ${data.companies.length} companies and ${data.tickets.length} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
)
t0 = performance.now()
const iso = (n: number) => new Date(n).toISOString()
const companyIds = data.companies.map((_, i) => 10_000_000_001 + i)
for (let start = 0; start < data.companies.length; start += 5000) {
  await ctx.database.db.insert(crmCompanies).values(
    data.companies.slice(start, start + 5000).map((c, i) =>
      toCrmCompanyValues(
        workspaceId,
        {
          id: String(companyIds[start + i]),
          properties: c.properties,
          createdAt: iso(c.createdAt),
          updatedAt: iso(c.updatedAt),
        },
        now,
      ),
    ),
  )
}
const facts = new Map<number, TicketFacts[]>(companyIds.map((id) => [id, []]))
let cueSeconds = 0
for (let start = 0; start < data.tickets.length; start += 3000) {
  const cueStart = performance.now()
  const rows = data.tickets.slice(start, start + 3000).map((t, i) =>
    toCrmTicketValues(
      workspaceId,
      {
        id: String(30_000_000_001 + start + i),
        properties: t.properties,
        createdAt: iso(t.createdAt),
        updatedAt: iso(t.updatedAt),
      },
      companyIds[t.companyIndex]!,
      now,
    ),
  )
  cueSeconds += seconds(cueStart)
  await ctx.database.db.insert(crmTickets).values(rows)
  for (const row of rows) {
    facts.get(row.companyId!)!.push({
      id: row.hubspotId,
      createdAt: row.hsCreatedAt!.getTime(),
      closedAt: row.closedAt?.getTime() ?? null,
      closedWithoutDate: row.closedAt === null && row.stage === '4',
      priority: toTicketPriority(row.priority),
      escalated: escalationCategories.test(row.category ?? ''),
      cues: row.textCues ?? {},
    })
  }
}
console.log(
  `\nLoaded ${data.companies.length} companies and ${data.tickets.length} tickets into Postgres in ${seconds(t0).toFixed(1)} s (setup, not measured).`,
)
console.log(
  `  Reading ticket text for cues, once per stored ticket (at sync time): ${(data.tickets.length / cueSeconds / 1000).toFixed(1)}k tickets/s.`,
)

// Baseline: the signals alone, in memory, on tickets already grouped by company (portal baseline included).
const createdAt = new Map(companyIds.map((id, i) => [id, data.companies[i]!.createdAt]))
t0 = performance.now()
const portal = computePortalBaseline(
  tallyPortal(
    [...facts].map(([id, tickets]) => ({ tickets, historyStart: createdAt.get(id)! })),
    now.getTime(),
  ),
)
for (const [id, tickets] of facts)
  scoreCompany(tickets, {
    now: now.getTime(),
    historyStart: Math.min(createdAt.get(id)!, tickets[0]?.createdAt ?? Infinity),
    portal,
  })
const pure = seconds(t0)

t0 = performance.now()
const scored = await rescoreWorkspace(ctx.database.db, workspaceId, now)
const full = seconds(t0)
console.log(
  `\nFull score of ${scored} companies / ${data.tickets.length} tickets: ${full.toFixed(1)} s (${(data.tickets.length / full / 1000).toFixed(0)}k tickets/s; goal under 10 s at 1M / 20k)`,
)
console.log(
  `  baseline, signals only in memory: ${pure.toFixed(1)} s  (database work makes the full score ${(full / pure).toFixed(1)}x the pure cost)`,
)

const latencies: number[] = []
for (let i = 0; i < 300; i++) {
  const index = (i * 7919) % companyIds.length
  const companyId = companyIds[index]!
  const [ticket] = await ctx.database.db
    .select({ id: crmTickets.hubspotId })
    .from(crmTickets)
    .where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.companyId, companyId)))
    .limit(1)
  if (ticket)
    await ctx.database.db
      .update(crmTickets)
      .set({ subject: `changed ${i}`, priority: 'URGENT' })
      .where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.hubspotId, ticket.id)))
  const started = performance.now()
  await rescoreCompanies(ctx.database.db, workspaceId, [companyId], now)
  latencies.push(performance.now() - started)
}
console.log(
  `\nRe-score one company after a ticket change (300 changes): p50 ${ms(percentile(latencies, 50))}  p99 ${ms(percentile(latencies, 99))}`,
)

const listTimes: Record<string, number[]> = {}
for (const [label, query] of [
  ['first page by score', ''],
  ['page 200 by name', '?sort=name&order=asc&page=200'],
  ['high band', '?band=high'],
  ['search "a"', '?q=a'],
] as const) {
  listTimes[label] = []
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    const res = await agent.request(`/api/v1/companies${query}`)
    await res.text()
    listTimes[label]!.push(performance.now() - started)
  }
}
console.log(`\nDashboard list at ${scored} companies (20 requests each, p50):`)
for (const [label, times] of Object.entries(listTimes))
  console.log(`  ${label.padEnd(22)} ${ms(percentile(times, 50))}`)

/* ---- 3. The backtest: speed in memory, the product's job on Postgres, default versus learned ---- */
/** A generated portal as backtest histories: its tickets, and its ground truth as the outcomes. */
function historiesOf(generated: ReturnType<typeof generatePortalData>): CompanyHistory[] {
  const histories: CompanyHistory[] = generated.companies.map((c, i) => ({
    id: String(i),
    customerSince: c.truth.customerSince,
    churnedAt: c.truth.churnedAt,
    tickets: [],
  }))
  let id = 0
  for (const t of generated.tickets) {
    const p = t.properties
    histories[t.companyIndex]!.tickets.push({
      id: ++id,
      createdAt: t.createdAt,
      closedAt: p.closed_date ? Date.parse(p.closed_date) : null,
      closedWithoutDate: false,
      priority: toTicketPriority(p.hs_ticket_priority),
      escalated: escalationCategories.test(p.hs_ticket_category ?? ''),
      cues: readTicketCues(p.subject ?? null, p.content ?? null),
    })
  }
  for (const h of histories) h.tickets.sort((a, b) => a.createdAt - b.createdAt)
  return histories
}

const aucText = (r: { auc: number | null; aucLow: number | null; aucHigh: number | null }) =>
  r.auc === null ? 'not enough evidence' : `${r.auc.toFixed(3)} (${r.aucLow?.toFixed(3)}–${r.aucHigh?.toFixed(3)})`

{
  const backtestData = generatePortalData({
    seed: 'bench-backtest',
    now: now.getTime(),
    companies: 5000,
    tickets: 100_000,
    contactsPerCompany: 1,
  })
  const histories = historiesOf(backtestData)
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 3 * 30 * DAY
  const cutoffs = Array.from({ length: 24 }, (_, i) => {
    const d = new Date(end)
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 23 + i, 1)
  })
  t0 = performance.now()
  const report = runBacktest(histories, { horizonDays: 90, cutoffs, asOf: now.getTime(), resamples: 1000 })
  const backtest = seconds(t0)
  t0 = performance.now()
  runBacktest(histories, { horizonDays: 90, cutoffs, asOf: now.getTime(), resamples: 1000, learn: true })
  const withLearning = seconds(t0)
  // Baseline: the signals alone for the same company-months, without point-in-time views, portal tallies or statistics.
  t0 = performance.now()
  for (const at of cutoffs)
    for (const h of histories)
      readSignals(
        h.tickets.filter((t) => t.createdAt <= at),
        { now: at, historyStart: h.customerSince, portal },
      )
  const signalsOnly = seconds(t0)
  console.log(
    `\nBacktest of ${backtestData.tickets.length} tickets / ${histories.length} companies over ${cutoffs.length} monthly cut-offs (${report.observations} company-months): ${backtest.toFixed(1)} s, ${withLearning.toFixed(1)} s with learned weights (goal under 60 s)`,
  )
  console.log(
    `  baseline, signals only for the same company-months: ${signalsOnly.toFixed(1)} s  (ratio ${(backtest / signalsOnly).toFixed(2)})`,
  )

  // The product's job on the same portal: tickets and outcomes read from Postgres, the report and pictures stored.
  const owner = await ctx.signedUpAgent()
  const ws = owner.workspaceId
  const ids = backtestData.companies.map((_, i) => 20_000_000_001 + i)
  for (let start = 0; start < ids.length; start += 5000) {
    await ctx.database.db.insert(crmCompanies).values(
      backtestData.companies.slice(start, start + 5000).map((c, i) =>
        toCrmCompanyValues(
          ws,
          {
            id: String(ids[start + i]),
            properties: c.properties,
            createdAt: iso(c.createdAt),
            updatedAt: iso(c.updatedAt),
          },
          now,
        ),
      ),
    )
  }
  for (let start = 0; start < backtestData.tickets.length; start += 3000) {
    await ctx.database.db.insert(crmTickets).values(
      backtestData.tickets.slice(start, start + 3000).map((t, i) =>
        toCrmTicketValues(
          ws,
          {
            id: String(40_000_000_001 + start + i),
            properties: t.properties,
            createdAt: iso(t.createdAt),
            updatedAt: iso(t.updatedAt),
          },
          ids[t.companyIndex]!,
          now,
        ),
      ),
    )
  }
  const outcomeRows = backtestData.companies.map((c, i) => ({
    workspaceId: ws,
    companyId: ids[i]!,
    customerSince: new Date(c.truth.customerSince),
    churnedAt: c.truth.churnedAt === null ? null : new Date(c.truth.churnedAt),
  }))
  for (let start = 0; start < outcomeRows.length; start += 2000)
    await ctx.database.db.insert(churnOutcomes).values(outcomeRows.slice(start, start + 2000))
  await ctx.database.db.insert(churnDefinitions).values({
    workspaceId: ws,
    definition: { kind: 'upload' },
    setAt: now,
    outcomesStatus: 'ready',
    outcomesRefreshedAt: now,
  })
  t0 = performance.now()
  const job = await runChurnModel(ctx.deps, ws, 'manual')
  console.log(
    `  the product's backtest job on Postgres (load, backtest with learning, store): ${seconds(t0).toFixed(1)} s (${job.status})`,
  )
}

/* ---- 4. Default versus learned weights on seeded portals (plumbing, not proof) ---- */
console.log('\nDefault versus learned weights, backtested on generated portals (90-day horizon, monthly cut-offs):')
for (const [seed, companies, tickets] of [
  ['northwind-like', 300, 5000],
  ['globex-like', 120, 2000],
  ['initech-like', 40, 700],
  ['bench-backtest', 5000, 100_000],
] as const) {
  const histories = historiesOf(
    generatePortalData({ seed, now: now.getTime(), companies, tickets, contactsPerCompany: 1 }),
  )
  const r = runBacktest(histories, { horizonDays: 90, asOf: now.getTime(), learn: true, resamples: 500 })
  const learned = r.learned!
  console.log(
    `  ${seed} (${companies} companies, ${r.churnEvents} churn events): default ${aucText(r.current)}; baseline ${aucText(r.baseline)}`,
  )
  console.log(
    `    learned on the earlier cut-offs, tested on the later: learned ${aucText(learned)} vs default ${learned.defaultOnTest ? aucText(learned.defaultOnTest) : '—'}; ${learned.adopted ? 'adopted' : 'not adopted'}`,
  )
}

/* ---- 5. Against the generator's ground truth (plumbing, not proof: see the README) ---- */
// Ranking quality against the generator's ground truth: which of today's customers leave within the horizon.
const scores = await ctx.database.db
  .select({ companyId: churnScores.companyId, score: churnScores.score })
  .from(churnScores)
  .where(eq(churnScores.workspaceId, workspaceId))
const customers = new Map(
  companyIds.flatMap((id, i) => {
    const truth = data.companies[i]!.truth
    return truth.churnedAt === null ? [[id, truth.churnsWithinHorizon] as const] : []
  }),
)
const quality = rankingQuality(
  scores
    .filter((s) => customers.has(s.companyId))
    .map((s) => ({ score: s.score, churning: customers.get(s.companyId) ?? false })),
)
console.log(
  `\nRanking quality on current customers: ROC AUC ${quality.auc.toFixed(3)} (0.5 = chance), precision at the top 10% ${quality.precisionAtTop10.toFixed(2)} (chance ${(quality.churning / quality.total).toFixed(2)}); ${quality.churning} of ${quality.total} churn within ${data.horizonDays} days`,
)
await ctx.close()
process.exit(0)
