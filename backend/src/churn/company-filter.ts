import type { CompanyListQuery } from '@churnlens/contracts'
import type { SQL } from 'drizzle-orm'
import { and, eq, gte, ilike, isNull, lte, or, sql } from 'drizzle-orm'
import { churnScores, crmCompanies } from '../db/schema'
import { startOfUtcDay } from '../revenue/select-deal-values'

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The owner filter with `me` already resolved: an owner id, `none` for unowned companies, or
 * `nobody` when the member matches no owner (so "My accounts" is empty, not everything).
 */
export type OwnerFilter = string | 'none' | 'nobody' | undefined

const DAY = 86_400_000

/**
 * The workspace's live scored companies, narrowed by band, owner, a search in name or domain (taken literally),
 * and a renewal due from the start of today to N days ahead (an earlier date is past, not upcoming).
 */
export function companyFilter(
  workspaceId: string,
  query: Pick<CompanyListQuery, 'band' | 'q' | 'renewalWithinDays'>,
  owner: OwnerFilter = undefined,
  now: Date | null = null,
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
    query.renewalWithinDays && now
      ? and(
          gte(crmCompanies.renewalAt, new Date(startOfUtcDay(now))),
          lte(crmCompanies.renewalAt, new Date(now.getTime() + query.renewalWithinDays * DAY)),
        )
      : undefined,
  )
}
