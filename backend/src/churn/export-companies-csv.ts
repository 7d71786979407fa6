import type { CompanyListQuery } from '@churnlens/contracts'
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScores, crmCompanies } from '../db/schema'
import { hubspotCompanyUrl } from '../integrations/hubspot/hubspot-app'
import type { OwnerFilter } from './company-filter'
import { companyFilter } from './company-filter'
import { companyRowColumns, toCompanyRow } from './to-company-row'

/**
 * A cell a spreadsheet would read as a formula: = + - @ first, also after leading whitespace (Excel and
 * LibreOffice skip it) or in their full-width forms (＝＋－＠, which some locales' spreadsheets accept),
 * or a leading tab or carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/

/** RFC 4180 quoting; a formula-like text is neutralised with a leading apostrophe (OWASP's advice). */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function exportCompaniesCsv(
  db: Database,
  workspaceId: string,
  query: Pick<CompanyListQuery, 'band' | 'q' | 'renewalWithinDays'>,
  hubId: number | null,
  owner: OwnerFilter,
  now: Date,
): Promise<string> {
  const rows = await db
    .select(companyRowColumns)
    .from(churnScores)
    .innerJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId)),
    )
    .where(companyFilter(workspaceId, query, owner, now))
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
