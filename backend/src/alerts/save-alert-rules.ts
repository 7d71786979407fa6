import type { AlertKind, AlertRules } from '@churnlens/contracts'
import { and, eq, notInArray } from 'drizzle-orm'
import type { Database } from '../db/database'
import { alertRules } from '../db/schema'

/**
 * Replaces the member's alert choices. A rule kept as it was keeps its start, so saving the page
 * again does not forget what it already covered; a new or changed rule starts now.
 */
export async function saveAlertRules(
  db: Database,
  target: { workspaceId: string; userId: string },
  rules: AlertRules,
  now: Date,
): Promise<void> {
  const wanted: { kind: AlertKind; points: number | null }[] = []
  if (rules.ownedCompanyHigh) wanted.push({ kind: 'owned_company_high', points: null })
  if (rules.anyCompanyHigh) wanted.push({ kind: 'any_company_high', points: null })
  if (rules.scoreRisePoints !== null) wanted.push({ kind: 'score_rise', points: rules.scoreRisePoints })
  if (rules.renewalWithinDays !== null) wanted.push({ kind: 'renewal_high_risk', points: rules.renewalWithinDays })
  if (rules.dailyDigest) wanted.push({ kind: 'daily_digest', points: null })
  const mine = and(eq(alertRules.workspaceId, target.workspaceId), eq(alertRules.userId, target.userId))
  await db.transaction(async (tx) => {
    const kinds = wanted.map((w) => w.kind)
    await tx.delete(alertRules).where(kinds.length > 0 ? and(mine, notInArray(alertRules.kind, kinds)) : mine)
    for (const rule of wanted) {
      const [existing] = await tx
        .select({ points: alertRules.points })
        .from(alertRules)
        .where(and(mine, eq(alertRules.kind, rule.kind)))
      if (existing && existing.points === rule.points) continue
      await tx
        .insert(alertRules)
        .values({ ...target, ...rule, createdAt: now })
        .onConflictDoUpdate({
          target: [alertRules.workspaceId, alertRules.userId, alertRules.kind],
          set: { points: rule.points, createdAt: now },
        })
    }
  })
}
