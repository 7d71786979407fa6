import { eq } from 'drizzle-orm'
import type { Queryable } from '../../db/database'
import { churnOutcomes } from '../../db/schema'
import type { ChurnOutcome } from '../outcomes/churn-outcome'

/** Replaces the workspace's outcomes; call inside the transaction that marks them ready. */
export async function storeChurnOutcomes(
  db: Queryable,
  workspaceId: string,
  outcomes: readonly ChurnOutcome[],
): Promise<void> {
  await db.delete(churnOutcomes).where(eq(churnOutcomes.workspaceId, workspaceId))
  const rows = outcomes.map((o) => ({
    workspaceId,
    companyId: o.companyId,
    customerSince: o.customerSince === null ? null : new Date(o.customerSince),
    churnedAt: o.churnedAt === null ? null : new Date(o.churnedAt),
    unknown: o.unknown,
  }))
  for (let start = 0; start < rows.length; start += 1000)
    await db
      .insert(churnOutcomes)
      .values(rows.slice(start, start + 1000))
      .onConflictDoNothing()
}
