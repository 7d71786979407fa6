import type { CompanyDetailResponse } from '@churnlens/contracts'
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScoreHistory, churnScores, crmCompanies, crmTickets } from '../db/schema'
import { hubspotCompanyUrl } from '../integrations/hubspot/hubspot-app'
import { loadRevenueSettings } from '../revenue/load-revenue-settings'
import { companyRowColumns, toCompanyRow } from './to-company-row'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export async function getCompanyDetail(
  db: Database,
  workspaceId: string,
  companyId: number,
  hubId: number | null,
): Promise<CompanyDetailResponse | null> {
  const [row] = await db
    .select({ ...companyRowColumns, computedAt: churnScores.computedAt })
    .from(churnScores)
    .innerJoin(
      crmCompanies,
      and(eq(crmCompanies.workspaceId, churnScores.workspaceId), eq(crmCompanies.hubspotId, churnScores.companyId)),
    )
    .where(and(eq(churnScores.workspaceId, workspaceId), eq(churnScores.companyId, companyId)))
  if (!row) return null
  const history = await db
    .select({ score: churnScoreHistory.score, at: churnScoreHistory.computedAt })
    .from(churnScoreHistory)
    .where(and(eq(churnScoreHistory.workspaceId, workspaceId), eq(churnScoreHistory.companyId, companyId)))
    .orderBy(asc(churnScoreHistory.computedAt))
    .limit(1000)
  const tickets = await db
    .select()
    .from(crmTickets)
    .where(
      and(eq(crmTickets.workspaceId, workspaceId), eq(crmTickets.companyId, companyId), eq(crmTickets.archived, false)),
    )
    .orderBy(desc(crmTickets.hsCreatedAt))
    .limit(200)
  const cited = new Set(row.reasons.flatMap((r) => r.ticketIds))
  return {
    company: {
      ...toCompanyRow(row),
      hubspotUrl: hubId ? hubspotCompanyUrl(hubId, companyId) : null,
      reasons: row.reasons,
      computedAt: row.computedAt.toISOString(),
    },
    history: history.map((h) => ({ score: h.score, at: h.at.toISOString() })),
    sources: (await loadRevenueSettings(db, workspaceId)).labels,
    tickets: tickets.map((t) => ({
      id: t.hubspotId,
      subject: t.subject,
      priority: t.priority,
      open: t.closedAt === null && t.stage !== '4',
      createdAt: iso(t.hsCreatedAt),
      closedAt: iso(t.closedAt),
      evidence: cited.has(t.hubspotId),
    })),
  }
}
