import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { DatabaseHandle } from '../src/db/database'
import { openDatabase } from '../src/db/open-database'

/**
 * Integration tests run on PGlite by default and on real Postgres when TEST_DB=postgres
 * (TEST_DATABASE_URL names a server where we may create databases). Each call gets a fresh,
 * migrated database that is dropped on close.
 */
export async function openTestDatabase(
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle & { url: string | null }> {
  if (process.env.TEST_DB !== 'postgres')
    return { ...(await openDatabase({ kind: 'pglite', dataDir: null })), url: null }
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl)
    throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test')
  const name = `churnlens_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({
    kind: 'postgres',
    url: url.toString(),
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  })
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close()
      const dropper = new pg.Client({ connectionString: adminUrl })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}
