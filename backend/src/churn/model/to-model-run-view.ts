import type { ModelRun } from '@churnlens/contracts'
import { modelReportSchema } from '@churnlens/contracts'
import type { churnModelRuns } from '../../db/schema'

/** Database → API: a stored run, its report checked against the contract (an older shape reads as none). */
export function toModelRunView(row: typeof churnModelRuns.$inferSelect): ModelRun {
  const report = row.report ? modelReportSchema.safeParse(row.report) : null
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
    report: report?.success ? report.data : null,
  }
}
