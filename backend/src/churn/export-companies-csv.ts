import type { CompanyListQuery } from '@churnlens/contracts'
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScores, crmCompanies } from '../db/schema'
import { hubspotCompanyUrl } from '../integrations/hubspot/hubspot-app'
import { companyFilter } from './company-filter'
import { companyRowColumns, toCompanyRow } from './to-company-row'

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function exportCompaniesCsv(
  db: Database,
  workspaceId: string,
  query: Pick<CompanyListQuery, 'band' | 'q'>,
  hubId: number | null,
): Promise<string> {
  const rows = await db
    .select(companyRowColumns)
    .from(churnScores)
    .innerJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId)),
    )
    .where(companyFilter(workspaceId, query))
    .orderBy(desc(churnScores.score), asc(churnScores.companyId))
  const header = [
    'hubspot_company_id',
    'name',
    'domain',
    'risk_score',
    'risk_band',
    'trend_30d',
    'tickets',
    'open_tickets',
    'tickets_30d',
    'top_reason',
    'hubspot_url',
  ]
  const lines = rows
    .map(toCompanyRow)
    .map((c) =>
      [
        c.id,
        c.name,
        c.domain,
        c.score,
        c.band,
        c.trend,
        c.ticketCount,
        c.openTickets,
        c.recentTickets,
        c.topReason?.evidence ?? null,
        hubId ? hubspotCompanyUrl(hubId, c.id) : null,
      ]
        .map(csvCell)
        .join(','),
    )
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`
}
