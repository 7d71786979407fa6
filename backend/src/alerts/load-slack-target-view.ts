import type { SlackTargetView } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { alertSlackTargets } from '../db/schema'

export async function loadSlackTargetView(db: Database, workspaceId: string): Promise<SlackTargetView> {
  const [row] = await db.select().from(alertSlackTargets).where(eq(alertSlackTargets.workspaceId, workspaceId))
  if (!row) return { status: 'none', maskedUrl: null, lastError: null, failingSince: null, consecutiveFailures: 0 }
  return {
    status: row.failingSince ? 'failing' : 'ok',
    maskedUrl: row.maskedUrl,
    lastError: row.lastError,
    failingSince: row.failingSince?.toISOString() ?? null,
    consecutiveFailures: row.consecutiveFailures,
  }
}
