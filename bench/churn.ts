/**
 * `npm run bench:churn` (Postgres): score 1,000,000 tickets across 20,000 companies (the full
 * re-score), then the p99 time to re-score one company after one of its tickets changed, the
 * dashboard's list query at that size, and the ranking quality (ROC AUC, precision at the top
 * 10%) of today's customers against the generator's ground truth (churn within 90 days). Baseline in the same run: the same scoring done
 * purely in memory on pre-grouped tickets, i.e. the cost of the signals alone.
 * CHURN_BENCH_TICKETS / CHURN_BENCH_COMPANIES shrink it.
 */
import { generatePortalData } from '@churnlens/hubspot-simulator'
import { and, eq } from 'drizzle-orm'
import { rankingQuality } from '../backend/src/churn/ranking-quality'
import { rescoreCompanies } from '../backend/src/churn/rescore-companies'
import { rescoreWorkspace } from '../backend/src/churn/rescore-workspace'
import type { TicketFacts } from '../backend/src/churn/score-company'
import { scoreCompany } from '../backend/src/churn/score-company'
import { churnScores, crmCompanies, crmTickets } from '../backend/src/db/schema'
import { toCompanyRow, toTicketRow } from '../backend/src/sync/to-crm-rows'
import { createTestContext } from '../backend/test/test-context'
import { ms, percentile } from './percentiles'

process.env.TEST_DB = 'postgres'
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'
const ticketTotal = Number(process.env.CHURN_BENCH_TICKETS ?? 1_000_000)
const companyTotal = Number(process.env.CHURN_BENCH_COMPANIES ?? 20_000)

const ctx = await createTestContext()
const agent = await ctx.signedUpAgent()
const workspaceId = agent.workspaceId
const now = ctx.clock.now()

let t0 = performance.now()
const data = generatePortalData({ seed: 'bench-churn', now: now.getTime(), companies: companyTotal, tickets: ticketTotal, contactsPerCompany: 1 })
console.log(`\nGenerated ${data.companies.length} companies and ${data.tickets.length} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
t0 = performance.now()
const iso = (n: number) => new Date(n).toISOString()
const companyIds = data.companies.map((_, i) => 10_000_000_001 + i)
for (let start = 0; start < data.companies.length; start += 5000) {
  await ctx.database.db.insert(crmCompanies).values(data.companies.slice(start, start + 5000).map((c, i) =>
    toCompanyRow(workspaceId, { id: String(companyIds[start + i]), properties: c.properties, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) }, now)))
}
const facts = new Map<number, TicketFacts[]>(companyIds.map((id) => [id, []]))
for (let start = 0; start < data.tickets.length; start += 3000) {
  const rows = data.tickets.slice(start, start + 3000).map((t, i) =>
    toTicketRow(workspaceId, { id: String(30_000_000_001 + start + i), properties: t.properties, createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt) }, companyIds[t.companyIndex]!, now))
  await ctx.database.db.insert(crmTickets).values(rows)
  for (const row of rows) facts.get(row.companyId!)!.push({ id: row.hubspotId, subject: row.subject ?? null, content: row.content ?? null, priority: row.priority ?? null, stage: row.stage ?? null, category: row.category ?? null, createdAt: row.hsCreatedAt ?? null, closedAt: row.closedAt ?? null, timeToCloseMs: row.timeToCloseMs ?? null })
}
console.log(`\nLoaded ${data.companies.length} companies and ${data.tickets.length} tickets into Postgres in ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not measured)`)

// Baseline: the signals alone, in memory.
t0 = performance.now()
for (const tickets of facts.values()) scoreCompany(tickets, now)
const pure = (performance.now() - t0) / 1000

// Full re-score from the database.
t0 = performance.now()
const scored = await rescoreWorkspace(ctx.database.db, workspaceId, now)
const full = (performance.now() - t0) / 1000
console.log(`\nFull score of ${scored} companies / ${data.tickets.length} tickets: ${full.toFixed(1)} s (${((data.tickets.length / full) / 1000).toFixed(0)}k tickets/s)`)
console.log(`  baseline, signals only in memory: ${pure.toFixed(1)} s  (database work makes the full score ${(full / pure).toFixed(1)}x the pure cost)`)

// One ticket changes, its company is re-scored.
const latencies: number[] = []
for (let i = 0; i < 300; i++) {
  const index = (i * 7919) % companyIds.length
  const companyId = companyIds[index]!
  const [ticket] = await ctx.database.db.select({ id: crmTickets.hubspotId }).from(crmTickets).where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.companyId, companyId))).limit(1)
  if (ticket) await ctx.database.db.update(crmTickets).set({ subject: `changed ${i}`, priority: 'URGENT' }).where(and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.hubspotId, ticket.id)))
  const started = performance.now()
  await rescoreCompanies(ctx.database.db, workspaceId, [companyId], now)
  latencies.push(performance.now() - started)
}
console.log(`\nRe-score one company after a ticket change (300 changes): p50 ${ms(percentile(latencies, 50))}  p99 ${ms(percentile(latencies, 99))}`)

// The dashboard at this size.
const listTimes: Record<string, number[]> = {}
for (const [label, query] of [['first page by score', ''], ['page 200 by name', '?sort=name&order=asc&page=200'], ['high band', '?band=high'], ['search "a"', '?q=a']] as const) {
  listTimes[label] = []
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    const res = await agent.request(`/api/v1/companies${query}`)
    await res.text()
    listTimes[label]!.push(performance.now() - started)
  }
}
console.log(`\nDashboard list at ${scored} companies (20 requests each, p50):`)
for (const [label, times] of Object.entries(listTimes)) console.log(`  ${label.padEnd(22)} ${ms(percentile(times, 50))}`)

// Ranking quality against the generator's ground truth: which of today's customers leave within the horizon.
const scores = await ctx.database.db.select({ companyId: churnScores.companyId, score: churnScores.score }).from(churnScores).where(eq(churnScores.workspaceId, workspaceId))
const customers = new Map(companyIds.flatMap((id, i) => {
  const truth = data.companies[i]!.truth
  return truth.churnedAt === null ? [[id, truth.churnsWithinHorizon] as const] : []
}))
const quality = rankingQuality(scores.filter((s) => customers.has(s.companyId)).map((s) => ({ score: s.score, churning: customers.get(s.companyId) ?? false })))
console.log(`\nRanking quality on current customers: ROC AUC ${quality.auc.toFixed(3)} (0.5 = chance), precision at the top 10% ${quality.precisionAtTop10.toFixed(2)} (chance ${(quality.churning / quality.total).toFixed(2)}); ${quality.churning} of ${quality.total} churn within ${data.horizonDays} days`)
await ctx.close()
process.exit(0)
