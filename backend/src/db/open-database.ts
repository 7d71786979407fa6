import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import type { DatabaseHandle } from './database'
import * as schema from './schema'

const MIGRATION_LOCK_KEY = 7_301_944_221 // any constant; names this app's migration lock
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url))

export type DatabaseTarget =
  { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string | null }

/**
 * Opens the database and applies pending migrations. PGlite (`dataDir: null` = in memory) is one
 * process only: two processes on one folder silently lose writes, so only the backend opens it.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      // Nothing waits forever on the database: not for a connection (the server restarting, the
      // pool exhausted), not on a statement, not in a transaction left open by a stuck caller.
      connectionTimeoutMillis: 10_000,
      statement_timeout: 120_000,
      idle_in_transaction_session_timeout: 120_000,
    })
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.error('database: idle connection lost:', error.message))
    const db = drizzlePg(pool, { schema })
    // Several instances may boot at once against one database: migrate one at a time.
    const client = await pool.connect()
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined)
      client.release()
    }
    return { db, kind: 'postgres', jobs: { kind: 'postgres', url: target.url }, close: () => pool.end() }
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true })
  const client = await PGlite.create(target.dataDir ?? undefined)
  const db = drizzlePglite(client, { schema })
  await migratePglite(db, { migrationsFolder })
  return { db, kind: 'pglite', jobs: { kind: 'pglite', client }, close: () => client.close() }
}
