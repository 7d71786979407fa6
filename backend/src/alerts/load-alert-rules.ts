import type { AlertRules } from '@churnlens/contracts'
import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { alertRules } from '../db/schema'

/** The member's alert choices in the workspace; nothing chosen is every alert off. */
export async function loadAlertRules(db: Database, workspaceId: string, userId: string): Promise<AlertRules> {
  const rows = await db
    .select({ kind: alertRules.kind, points: alertRules.points })
    .from(alertRules)
    .where(and(eq(alertRules.workspaceId, workspaceId), eq(alertRules.userId, userId)))
  const rise = rows.find((r) => r.kind === 'score_rise')
  const renewal = rows.find((r) => r.kind === 'renewal_high_risk')
  return {
    ownedCompanyHigh: rows.some((r) => r.kind === 'owned_company_high'),
    anyCompanyHigh: rows.some((r) => r.kind === 'any_company_high'),
    scoreRisePoints: rise?.points ?? null,
    renewalWithinDays: renewal?.points ?? null,
    dailyDigest: rows.some((r) => r.kind === 'daily_digest'),
  }
}
