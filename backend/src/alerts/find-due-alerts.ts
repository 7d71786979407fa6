import { and, eq, gte, inArray, lte } from 'drizzle-orm'
import type { Database } from '../db/database'
import { alertRules, churnScoreHistory, churnScores, crmCompanies, users } from '../db/schema'
import { findMyOwner } from '../owners/find-my-owner'
import { startOfUtcDay } from '../revenue/select-deal-values'
import type { DueAlert, HighRiskRenewal, MemberRule, ScoreRise } from './match-alert-rules'
import { loadBandEntries } from './load-band-entries'
import { matchAlertRules } from './match-alert-rules'

const DAY = 86_400_000
const WEEK = 7 * DAY

/** The alerts the workspace's rules ask for given its scores and their history now (raised or not). */
export async function findDueAlerts(db: Database, workspaceId: string, now: Date): Promise<DueAlert[]> {
  const rules = await loadMemberRules(db, workspaceId)
  if (rules.length === 0) return []
  const wantsHigh = rules.some((r) => r.kind === 'owned_company_high' || r.kind === 'any_company_high')
  const wantsRise = rules.some((r) => r.kind === 'score_rise')
  const renewalDays = Math.max(0, ...rules.map((r) => (r.kind === 'renewal_high_risk' ? (r.points ?? 0) : 0)))
  const [entries, rises, renewals] = await Promise.all([
    wantsHigh ? loadBandEntries(db, workspaceId) : [],
    wantsRise ? loadScoreRises(db, workspaceId, now) : [],
    renewalDays > 0 ? loadHighRiskRenewals(db, workspaceId, now, renewalDays) : [],
  ])
  return matchAlertRules(rules, entries, rises, renewals)
}

async function loadMemberRules(db: Database, workspaceId: string): Promise<MemberRule[]> {
  const rows = await db
    .select({
      userId: alertRules.userId,
      email: users.email,
      kind: alertRules.kind,
      points: alertRules.points,
      since: alertRules.createdAt,
    })
    .from(alertRules)
    .innerJoin(users, eq(users.id, alertRules.userId))
    .where(eq(alertRules.workspaceId, workspaceId))
  return Promise.all(
    rows.map(async (r) => ({
      userId: r.userId,
      kind: r.kind,
      points: r.points,
      since: r.since,
      ownerId:
        r.kind === 'owned_company_high'
          ? (await findMyOwner(db, { userId: r.userId, email: r.email, workspaceId })).ownerId
          : null,
    })),
  )
}

/** High-risk companies whose renewal is due from the start of today to `days` ahead. */
async function loadHighRiskRenewals(
  db: Database,
  workspaceId: string,
  now: Date,
  days: number,
): Promise<HighRiskRenewal[]> {
  const rows = await db
    .select({ companyId: churnScores.companyId, score: churnScores.score, renewalAt: crmCompanies.renewalAt })
    .from(churnScores)
    .innerJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId)),
    )
    .where(
      and(
        eq(churnScores.workspaceId, workspaceId),
        eq(churnScores.band, 'high'),
        eq(crmCompanies.archived, false),
        gte(crmCompanies.renewalAt, new Date(startOfUtcDay(now))),
        lte(crmCompanies.renewalAt, new Date(now.getTime() + days * DAY)),
      ),
    )
  return rows.flatMap((r) =>
    r.renewalAt ? [{ ...r, renewalAt: r.renewalAt, daysAhead: (r.renewalAt.getTime() - now.getTime()) / DAY }] : [],
  )
}

/** Each company's lowest history point of the last 7 days (the earliest, on a tie) against its score now. */
async function loadScoreRises(db: Database, workspaceId: string, now: Date): Promise<ScoreRise[]> {
  const h = churnScoreHistory
  const lows = await db
    .selectDistinctOn([h.companyId], { companyId: h.companyId, lowest: h.score, lowestAt: h.computedAt })
    .from(h)
    .where(and(eq(h.workspaceId, workspaceId), gte(h.computedAt, new Date(now.getTime() - WEEK))))
    .orderBy(h.companyId, h.score, h.computedAt)
  if (lows.length === 0) return []
  const current = await db
    .select({ companyId: churnScores.companyId, score: churnScores.score, scoredAt: churnScores.computedAt })
    .from(churnScores)
    .where(
      and(
        eq(churnScores.workspaceId, workspaceId),
        inArray(
          churnScores.companyId,
          lows.map((l) => l.companyId),
        ),
      ),
    )
  const byCompany = new Map(current.map((c) => [c.companyId, c]))
  return lows.flatMap((low) => {
    const now = byCompany.get(low.companyId)
    return now && now.score > low.lowest ? [{ ...low, score: now.score, scoredAt: now.scoredAt }] : []
  })
}
