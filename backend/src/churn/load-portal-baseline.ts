import { eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnPortalBaselines } from '../db/schema'
import { refreshPortalBaseline } from './refresh-portal-baseline'
import type { PortalBaseline } from './signals/portal-baseline'

const DAY = 86_400_000

/** The stored baseline while it is under a day old (full passes refresh it), else a fresh one. */
export async function loadPortalBaseline(db: Database, workspaceId: string, now: Date): Promise<PortalBaseline> {
  const [row] = await db.select().from(churnPortalBaselines).where(eq(churnPortalBaselines.workspaceId, workspaceId))
  if (!row || now.getTime() - row.computedAt.getTime() > DAY) return refreshPortalBaseline(db, workspaceId, now)
  return {
    ticketRate: { alpha: row.ticketRateAlpha, beta: row.ticketRateBeta },
    urgentShare: row.urgentShare,
    closeDaysMedian: row.closeDaysMedian,
  }
}
