import type { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type * as schema from './schema'

/** Both drivers (node-postgres and PGlite) are this type, so repositories never care which runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
export type Transaction = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>
export type Queryable = Database | Transaction

/** How the job queue reaches the same database: a connection string, or the one PGlite instance. */
export type JobsConnection = { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PGlite }

export interface DatabaseHandle {
  db: Database
  kind: 'postgres' | 'pglite'
  jobs: JobsConnection
  close(): Promise<void>
}
