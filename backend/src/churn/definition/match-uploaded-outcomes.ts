import { and, eq, inArray } from 'drizzle-orm'
import type { Queryable } from '../../db/database'
import { crmCompanies } from '../../db/schema'
import type { OutcomeRow } from '../backtest/parse-outcome-row'
import type { ChurnOutcome } from '../outcomes/churn-outcome'

/**
 * Uploaded rows as outcomes of the workspace's synced companies. A row naming a company Churnlens
 * has not synced (or that is not a HubSpot id at all) cannot be scored, so it is counted, not kept.
 */
export async function matchUploadedOutcomes(
  db: Queryable,
  workspaceId: string,
  rows: readonly OutcomeRow[],
): Promise<{ outcomes: ChurnOutcome[]; unmatched: number }> {
  const candidates = rows.filter((row) => /^\d{1,15}$/.test(row.companyId))
  const known = new Set<number>()
  for (let start = 0; start < candidates.length; start += 1000) {
    const ids = candidates.slice(start, start + 1000).map((row) => Number(row.companyId))
    const found = await db
      .select({ id: crmCompanies.hubspotId })
      .from(crmCompanies)
      .where(and(eq(crmCompanies.workspaceId, workspaceId), inArray(crmCompanies.hubspotId, ids)))
    for (const { id } of found) known.add(id)
  }
  const outcomes = candidates
    .filter((row) => known.has(Number(row.companyId)))
    .map((row) => ({
      companyId: Number(row.companyId),
      customerSince: row.customerSince,
      churnedAt: row.churnedAt,
      unknown: false,
    }))
  return { outcomes, unmatched: rows.length - outcomes.length }
}
