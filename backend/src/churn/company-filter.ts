import type { CompanyListQuery } from '@churnlens/contracts'
import type { SQL } from 'drizzle-orm'
import { and, eq, ilike, or } from 'drizzle-orm'
import { churnScores, crmCompanies } from '../db/schema'

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The workspace's live scored companies, narrowed by band and by a search in name or domain (taken literally). */
export function companyFilter(workspaceId: string, query: Pick<CompanyListQuery, 'band' | 'q'>): SQL | undefined {
  return and(
    eq(churnScores.workspaceId, workspaceId),
    eq(crmCompanies.archived, false),
    query.band ? eq(churnScores.band, query.band) : undefined,
    query.q
      ? or(ilike(crmCompanies.name, `%${escapeLike(query.q)}%`), ilike(crmCompanies.domain, `%${escapeLike(query.q)}%`))
      : undefined,
  )
}
