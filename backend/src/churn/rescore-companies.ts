import { and, desc, eq, inArray, lte } from 'drizzle-orm'
import type { Database } from '../db/database'
import { churnScoreHistory, churnScores, crmCompanies } from '../db/schema'
import { loadCompanyTickets } from './load-company-tickets'
import { writeHistoryPoints, writeScoreRows } from './write-score-rows'
import type { SignalWeights } from './churn-weights'
import { loadPortalBaseline } from './load-portal-baseline'
import { loadSignalWeights } from './model/load-signal-weights'
import { scoreCompany } from './score-company'
import type { PortalBaseline } from './signals/portal-baseline'
import type { TicketFacts } from './signals/ticket-facts'
import { isOpenAt } from './signals/ticket-facts'

const DAY = 86_400_000

/** What scoring a set of companies reads from the database, loaded ahead so the next chunk can load while one is scored. */
export interface ScoringInputs {
  createdAt: Map<number, number | null>
  byCompany: Map<number, TicketFacts[]>
  previousBy: Map<number, { score: number; computedAt: Date }>
  monthAgo: Map<number, number>
}

export async function loadScoringInputs(
  db: Database,
  workspaceId: string,
  ids: readonly number[],
  now: Date,
): Promise<ScoringInputs> {
  const [companies, byCompany, previous, monthAgo] = await Promise.all([
    db
      .select({ id: crmCompanies.hubspotId, createdAt: crmCompanies.hsCreatedAt })
      .from(crmCompanies)
      .where(and(eq(crmCompanies.workspaceId, workspaceId), inArray(crmCompanies.hubspotId, [...ids]))),
    loadCompanyTickets(db, workspaceId, ids),
    db
      .select({ companyId: churnScores.companyId, score: churnScores.score, computedAt: churnScores.computedAt })
      .from(churnScores)
      .where(and(eq(churnScores.workspaceId, workspaceId), inArray(churnScores.companyId, [...ids]))),
    scoresAround(db, workspaceId, [...ids], new Date(now.getTime() - 30 * DAY)),
  ])
  return {
    createdAt: new Map(companies.map((c) => [c.id, c.createdAt?.getTime() ?? null])),
    byCompany,
    previousBy: new Map(previous.map((p) => [p.companyId, p])),
    monthAgo,
  }
}

/**
 * Re-scores the given companies from their current tickets and stores score, reasons and a
 * history point (only when the score moved, or once a day, so the history stays small).
 * `baseline` is passed by a full pass that has just computed it; otherwise the stored one is used.
 */
export async function rescoreCompanies(
  db: Database,
  workspaceId: string,
  companyIds: readonly number[],
  now: Date,
  options: { baseline?: PortalBaseline; weights?: SignalWeights } = {},
): Promise<number> {
  const ids = [...new Set(companyIds)]
  if (ids.length === 0) return 0
  const portal = options.baseline ?? (await loadPortalBaseline(db, workspaceId, now))
  const weights = options.weights ?? (await loadSignalWeights(db, workspaceId))
  return storeScores(db, workspaceId, await loadScoringInputs(db, workspaceId, ids, now), now, { portal, weights })
}

/** Scores the loaded companies and writes scores and history points; answers how many were scored. */
export async function storeScores(
  db: Database,
  workspaceId: string,
  inputs: ScoringInputs,
  now: Date,
  context: { portal: PortalBaseline; weights: SignalWeights },
): Promise<number> {
  return writeScores(db, workspaceId, scoreLoadedCompanies(workspaceId, inputs, now, context), now)
}

export type ScoredCompanies = ReturnType<typeof scoreLoadedCompanies>

/** The scores and the history points due for the loaded companies; computed only, nothing written. */
export function scoreLoadedCompanies(
  workspaceId: string,
  inputs: ScoringInputs,
  now: Date,
  { portal, weights }: { portal: PortalBaseline; weights: SignalWeights },
) {
  const { createdAt, byCompany, previousBy, monthAgo } = inputs
  const at = now.getTime()
  const scores = [...byCompany].map(([companyId, allTickets]) => {
    const tickets = allTickets.filter((t) => t.createdAt <= at)
    const firstTicket = tickets.reduce((min, t) => Math.min(min, t.createdAt), Number.POSITIVE_INFINITY)
    const created = createdAt.get(companyId) ?? null
    const historyStart =
      created === null ? (Number.isFinite(firstTicket) ? firstTicket : null) : Math.min(created, firstTicket)
    const result = scoreCompany(tickets, { now: at, historyStart, portal }, weights)
    return {
      workspaceId,
      companyId,
      score: result.score,
      band: result.band,
      reasons: result.reasons,
      trend: result.score - (monthAgo.get(companyId) ?? result.score),
      ticketCount: tickets.length,
      openTickets: tickets.filter((t) => isOpenAt(t, at)).length,
      recentTickets: tickets.filter((t) => at - t.createdAt <= 30 * DAY).length,
      computedAt: now,
    }
  })
  const historyPoints = scores
    .filter((s) => {
      const before = previousBy.get(s.companyId)
      return !before || before.score !== s.score || at - before.computedAt.getTime() >= DAY
    })
    .map((s) => ({ companyId: s.companyId, score: s.score }))
  return { scores, historyPoints }
}

/** Writes computed scores and their history points; answers how many companies were scored. */
export async function writeScores(
  db: Database,
  workspaceId: string,
  { scores, historyPoints }: ScoredCompanies,
  now: Date,
): Promise<number> {
  await writeScoreRows(db, workspaceId, scores, now)
  await writeHistoryPoints(db, workspaceId, historyPoints, now)
  return scores.length
}

/** Each company's latest history point at or before `at`. */
async function scoresAround(db: Database, workspaceId: string, ids: number[], at: Date): Promise<Map<number, number>> {
  const rows = await db
    .selectDistinctOn([churnScoreHistory.companyId], {
      companyId: churnScoreHistory.companyId,
      score: churnScoreHistory.score,
    })
    .from(churnScoreHistory)
    .where(
      and(
        eq(churnScoreHistory.workspaceId, workspaceId),
        inArray(churnScoreHistory.companyId, ids),
        lte(churnScoreHistory.computedAt, at),
      ),
    )
    .orderBy(churnScoreHistory.companyId, desc(churnScoreHistory.computedAt))
  return new Map(rows.map((r) => [r.companyId, r.score]))
}
