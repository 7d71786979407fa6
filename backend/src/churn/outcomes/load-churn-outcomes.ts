import type { ChurnDefinition, ChurnOutcomesStatus } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { Database } from '../../db/database'
import { churnDefinitions, churnOutcomes } from '../../db/schema'
import type { ChurnOutcome } from './churn-outcome'

export interface WorkspaceOutcomes {
  definition: ChurnDefinition | null
  status: ChurnOutcomesStatus | null
  refreshedAt: Date | null
  outcomes: ChurnOutcome[]
}

/** The workspace's churn definition and the per-company outcomes last read for it. */
export async function loadChurnOutcomes(db: Database, workspaceId: string): Promise<WorkspaceOutcomes> {
  const [definition] = await db.select().from(churnDefinitions).where(eq(churnDefinitions.workspaceId, workspaceId))
  const rows = await db.select().from(churnOutcomes).where(eq(churnOutcomes.workspaceId, workspaceId))
  return {
    definition: definition?.definition ?? null,
    status: definition?.outcomesStatus ?? null,
    refreshedAt: definition?.outcomesRefreshedAt ?? null,
    outcomes: rows.map((r) => ({
      companyId: r.companyId,
      customerSince: r.customerSince?.getTime() ?? null,
      churnedAt: r.churnedAt?.getTime() ?? null,
      unknown: r.unknown,
    })),
  }
}
