import type { CompanyListQuery } from '@churnlens/contracts'
import type { SQL } from 'drizzle-orm'
import { and, eq, ilike, isNull, or, sql } from 'drizzle-orm'
import { churnScores, crmCompanies } from '../db/schema'

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The owner filter with `me` already resolved: an owner id, `none` for unowned companies, or
 * `nobody` when the member matches no owner (so "My accounts" is empty, not everything).
 */
export type OwnerFilter = string | 'none' | 'nobody' | undefined

/** The workspace's live scored companies, narrowed by band, owner and a search in name or domain (taken literally). */
export function companyFilter(
  workspaceId: string,
  query: Pick<CompanyListQuery, 'band' | 'q'>,
  owner: OwnerFilter = undefined,
): SQL | undefined {
  return and(
    eq(churnScores.workspaceId, workspaceId),
    eq(crmCompanies.archived, false),
    query.band ? eq(churnScores.band, query.band) : undefined,
    owner === undefined
      ? undefined
      : owner === 'none'
        ? isNull(crmCompanies.ownerId)
        : owner === 'nobody'
          ? sql`false`
          : eq(crmCompanies.ownerId, owner),
    query.q
      ? or(ilike(crmCompanies.name, `%${escapeLike(query.q)}%`), ilike(crmCompanies.domain, `%${escapeLike(query.q)}%`))
      : undefined,
  )
}
