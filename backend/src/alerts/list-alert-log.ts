import type { AlertLogEntry } from '@churnlens/contracts'
import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { alertDeliveries, crmCompanies } from '../db/schema'

const LOG_SIZE = 100

/** The workspace's latest alerts, newest first, with what became of each. */
export async function listAlertLog(db: Database, workspaceId: string): Promise<AlertLogEntry[]> {
  const rows = await db
    .select({ alert: alertDeliveries, companyName: crmCompanies.name })
    .from(alertDeliveries)
    .leftJoin(
      crmCompanies,
      and(
        eq(crmCompanies.workspaceId, alertDeliveries.workspaceId),
        eq(crmCompanies.hubspotId, alertDeliveries.companyId),
      ),
    )
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
