import type { CompanyListQuery, CompanyListResponse } from '@churnlens/contracts'
import { and, asc, count, desc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScores, crmCompanies } from '../db/schema'
import type { OwnerFilter } from './company-filter'
import { companyFilter } from './company-filter'
import { companyRowColumns, toCompanyRow } from './to-company-row'

const sortColumns = {
  score: churnScores.score,
  name: crmCompanies.name,
  tickets: churnScores.ticketCount,
  trend: churnScores.trend,
  open: churnScores.openTickets,
} as const

/** Scored companies, sorted, filtered and paged in SQL (an index on score keeps 20,000 fast). */
export async function listCompanies(
  db: Database,
  workspaceId: string,
  query: CompanyListQuery,
  owner: OwnerFilter = undefined,
): Promise<CompanyListResponse> {
  const where = companyFilter(workspaceId, query, owner)
  const join = and(
    eq(crmCompanies.workspaceId, churnScores.workspaceId),
    eq(crmCompanies.hubspotId, churnScores.companyId),
  )
  const direction = query.order === 'asc' ? asc : desc
  const rows = await db
    .select(companyRowColumns)
    .from(churnScores)
    .innerJoin(crmCompanies, join)
    .where(where)
    .orderBy(direction(sortColumns[query.sort]), asc(churnScores.companyId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const [total] = await db.select({ n: count() }).from(churnScores).innerJoin(crmCompanies, join).where(where)
  return { companies: rows.map(toCompanyRow), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize }
}
