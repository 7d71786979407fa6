import type { SyncProgress } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { syncState } from '../db/schema'
import { crmObjectTypes } from '../integrations/hubspot/crm/crm-object-types'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export async function getSyncProgress(db: Database, workspaceId: string): Promise<SyncProgress> {
  const rows = await db.select().from(syncState).where(eq(syncState.workspaceId, workspaceId))
  const objects = crmObjectTypes.map((objectType) => {
    const row = rows.find((r) => r.objectType === objectType)
    return {
      objectType,
      phase: row?.phase ?? 'pending',
      recordsDone: row?.recordsDone ?? 0,
      estimatedTotal: row?.estimatedTotal ?? null,
      fullCompletedAt: iso(row?.fullCompletedAt ?? null),
      lastRunAt: iso(row?.lastRunAt ?? null),
      lastErrorCode: row?.lastErrorCode ?? null,
    }
  })
  const recordsDone = objects.reduce((n, o) => n + o.recordsDone, 0)
  const estimates = objects.map((o) => o.estimatedTotal)
  const estimatedTotal = estimates.every((e) => e !== null) ? estimates.reduce<number>((n, e) => n + (e ?? 0), 0) : null
  const upToDate = objects.every((o) => o.phase === 'incremental')
  const started = rows.length > 0
  const percent = upToDate
    ? 100
    : estimatedTotal
      ? Math.min(99, Math.floor((recordsDone / Math.max(estimatedTotal, 1)) * 100))
      : 0
  const lastRuns = objects
    .map((o) => o.lastRunAt)
    .filter((d): d is string => d !== null)
    .sort()
  return {
    phase: upToDate ? 'up_to_date' : started ? 'initial_sync' : 'not_started',
    recordsDone,
    estimatedTotal,
    percent,
    lastSyncedAt: upToDate ? (lastRuns[0] ?? null) : null,
    objects,
  }
}
