import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rescoreWorkspace } from '../src/churn/rescore-workspace'
import { refreshStaleStatistics } from '../src/db/refresh-stale-statistics'
import { crmCompanies, crmTickets } from '../src/db/schema'
import { toCrmTicketValues } from '../src/sync/to-crm-values'
import { until } from './scored-companies'
import type { TestContext } from './test-context'
import { createTestContext } from './test-context'

// PGlite keeps no table activity counters (pg_stat_user_tables stays at zero), so only Postgres can
// show a table going stale.
const onPostgres = process.env.TEST_DB === 'postgres'

describe.skipIf(!onPostgres)('planner statistics after a bulk import', () => {
  let ctx: TestContext
  beforeAll(async () => {
    ctx = await createTestContext()
  })
  afterAll(async () => {
    await ctx.close()
  })

  const changedSinceAnalyze = async (table: string) => {
    const [row] = await ctx.database.db
      .select({ changed: sql<number>`n_mod_since_analyze::int`, analyzedAt: sql<string | null>`last_analyze` })
      .from(sql`pg_stat_user_tables`)
      .where(sql`relname = ${table} and schemaname = current_schema()`)
    return row
  }

  it('a full scoring pass analyses a table a bulk insert made stale, once, and leaves fresh and small tables alone', async () => {
    const { workspaceId } = await ctx.signedUpAgent()
    const now = ctx.clock.now()
    const iso = now.toISOString()
    const tickets = Array.from({ length: 3000 }, (_, i) =>
      toCrmTicketValues(
        workspaceId,
        { id: String(900_000 + i), properties: { subject: `ticket ${i}` }, createdAt: iso, updatedAt: iso },
        1000 + (i % 40),
        now,
      ),
    )
    for (let start = 0; start < tickets.length; start += 1000)
      await ctx.database.db.insert(crmTickets).values(tickets.slice(start, start + 1000))
    // Postgres publishes a connection's counters about a second after it goes idle.
    const before = await until(
      () => changedSinceAnalyze('crm_tickets'),
      (row) => (row?.changed ?? 0) >= 3000,
    )
    expect(before?.changed).toBeGreaterThanOrEqual(3000)
    expect(before?.analyzedAt).toBeNull()

    // A full scoring pass, as the end of a first import runs it, refreshes them before planning its reads.
    await rescoreWorkspace(ctx.database.db, workspaceId, now)
    const after = await changedSinceAnalyze('crm_tickets')
    expect(after?.analyzedAt).not.toBeNull()
    expect(after?.changed).toBe(0)
    // The planner now knows how tickets spread over companies.
    const [stats] = await ctx.database.db
      .select({ distinct: sql<number>`n_distinct` })
      .from(sql`pg_stats`)
      .where(sql`tablename = 'crm_tickets' and attname = 'company_id' and schemaname = current_schema()`)
    expect(stats?.distinct).toBe(40)

    expect(await refreshStaleStatistics(ctx.database.db, [crmTickets, crmCompanies])).toEqual([])
  })
})
