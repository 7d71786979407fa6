import type { AlertLogEntry } from '@churnlens/contracts'
import { desc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { companyOfAlert } from './company-of-alert'
import { alertDeliveries, crmCompanies } from '../db/schema'

const LOG_SIZE = 100

/** The workspace's latest alerts, newest first, with what became of each. */
export async function listAlertLog(db: Database, workspaceId: string): Promise<AlertLogEntry[]> {
  const rows = await db
    .select({ alert: alertDeliveries, companyName: crmCompanies.name })
    .from(alertDeliveries)
    .leftJoin(crmCompanies, companyOfAlert)
    .where(eq(alertDeliveries.workspaceId, workspaceId))
    .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.id))
    .limit(LOG_SIZE)
  return rows.map(({ alert, companyName }) => ({
    id: alert.id,
    event: alert.event,
    companyId: alert.companyId,
    companyName,
    score: alert.score,
    occurredAt: alert.occurredAt.toISOString(),
    raisedAt: alert.createdAt.toISOString(),
    status: alert.status,
    attempts: alert.attempts,
    lastError: alert.lastError,
    sentAt: alert.sentAt?.toISOString() ?? null,
  }))
}
