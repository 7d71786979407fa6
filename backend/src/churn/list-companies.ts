import type { ChurnReason, CompanyListQuery, CompanyListResponse, CompanyRow } from '@churnlens/contracts'
import type { SQL } from 'drizzle-orm'
import { and, asc, count, desc, eq, ilike, or } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScores, crmCompanies } from '../db/schema'

const sortColumns = {
  score: churnScores.score,
  name: crmCompanies.name,
  tickets: churnScores.ticketCount,
  trend: churnScores.trend,
  open: churnScores.openTickets,
} as const

export const companyRowColumns = {
  id: churnScores.companyId, name: crmCompanies.name, domain: crmCompanies.domain, score: churnScores.score, band: churnScores.band,
  trend: churnScores.trend, ticketCount: churnScores.ticketCount, openTickets: churnScores.openTickets, recentTickets: churnScores.recentTickets,
  reasons: churnScores.reasons,
}

export function toCompanyRow(row: { id: number; name: string | null; domain: string | null; score: number; band: CompanyRow['band']; trend: number; ticketCount: number; openTickets: number; recentTickets: number; reasons: Pick<ChurnReason, 'signal' | 'evidence'>[] }): CompanyRow {
  const top = row.reasons[0]
  return { id: row.id, name: row.name, domain: row.domain, score: row.score, band: row.band, trend: row.trend, ticketCount: row.ticketCount, openTickets: row.openTickets, recentTickets: row.recentTickets, topReason: top ? { signal: top.signal, evidence: top.evidence } : null }
}

export function companyFilter(workspaceId: string, query: Pick<CompanyListQuery, 'band' | 'q'>): SQL | undefined {
  return and(
    eq(churnScores.workspaceId, workspaceId),
    eq(crmCompanies.archived, false),
    query.band ? eq(churnScores.band, query.band) : undefined,
    query.q ? or(ilike(crmCompanies.name, `%${escapeLike(query.q)}%`), ilike(crmCompanies.domain, `%${escapeLike(query.q)}%`)) : undefined,
  )
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Scored companies, sorted, filtered and paged in SQL (an index on score keeps 20,000 fast). */
export async function listCompanies(db: Database, workspaceId: string, query: CompanyListQuery): Promise<CompanyListResponse> {
  const where = companyFilter(workspaceId, query)
  const join = and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId))
  const direction = query.order === 'asc' ? asc : desc
  const rows = await db.select(companyRowColumns).from(churnScores).innerJoin(crmCompanies, join).where(where)
    .orderBy(direction(sortColumns[query.sort]), asc(churnScores.companyId))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize)
  const [total] = await db.select({ n: count() }).from(churnScores).innerJoin(crmCompanies, join).where(where)
  return { companies: rows.map(toCompanyRow), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize }
}
