import type { ChurnReason, CompanyRow } from '@churnlens/contracts'
import { churnScores, crmCompanies } from '../db/schema'

/** The columns a `CompanyRow` is made of, for every query that lists scored companies. */
export const companyRowColumns = {
  id: churnScores.companyId,
  name: crmCompanies.name,
  domain: crmCompanies.domain,
  ownerId: crmCompanies.ownerId,
  revenue: crmCompanies.revenue,
  renewalAt: crmCompanies.renewalAt,
  score: churnScores.score,
  band: churnScores.band,
  trend: churnScores.trend,
  ticketCount: churnScores.ticketCount,
  openTickets: churnScores.openTickets,
  recentTickets: churnScores.recentTickets,
  reasons: churnScores.reasons,
}

/** Database → API: a scored company as the API's `CompanyRow`, its strongest reason on top. */
export function toCompanyRow(row: {
  id: number
  name: string | null
  domain: string | null
  ownerId: string | null
  revenue: number | null
  renewalAt: Date | null
  score: number
  band: CompanyRow['band']
  trend: number
  ticketCount: number
  openTickets: number
  recentTickets: number
  reasons: Pick<ChurnReason, 'signal' | 'evidence'>[]
}): CompanyRow {
  const top = row.reasons[0]
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    score: row.score,
    band: row.band,
    trend: row.trend,
    ticketCount: row.ticketCount,
    openTickets: row.openTickets,
    recentTickets: row.recentTickets,
    ownerId: row.ownerId,
    revenue: row.revenue,
    renewalAt: row.renewalAt?.toISOString() ?? null,
    topReason: top ? { signal: top.signal, evidence: top.evidence } : null,
  }
}
