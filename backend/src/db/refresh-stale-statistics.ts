import { getTableName, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from './database'

/**
 * Below this many changed rows a table's statistics are never worth refreshing here; above it, a
 * table counts as stale once a tenth of its rows changed since the last ANALYZE (autovacuum's own rule).
 */
const MIN_CHANGED_ROWS = 1000
const STALE_FRACTION = 0.1

/**
 * Runs ANALYZE on those of `tables` that changed wholesale since Postgres last sampled them, and
 * answers which. A first import inserts a portal's whole history and the full score reads it at
 * once, before autovacuum has caught up (or on a server where it is off): planned on statistics
 * from an empty table, each chunk's "tickets of these 1,000 companies" read every ticket of the
 * workspace, 3× slower over a million tickets. SKIP_LOCKED: when another worker is already
 * analysing a table, its fresh statistics will do.
 */
export async function refreshStaleStatistics(db: Database, tables: readonly PgTable[]): Promise<string[]> {
  const rows = await db
    .select({ table: sql<string>`relname` })
    .from(sql`pg_stat_user_tables`)
    .where(
      sql`schemaname = current_schema() and relname in (${sql.join(
        tables.map((t) => sql`${getTableName(t)}`),
        sql`, `,
      )})
        and n_mod_since_analyze > ${MIN_CHANGED_ROWS} and n_mod_since_analyze > ${STALE_FRACTION}::float8 * n_live_tup`,
    )
  const stale = rows.map((r) => r.table)
  for (const table of stale) await db.execute(sql`analyze (skip_locked) ${sql.identifier(table)}`)
  return stale
}
