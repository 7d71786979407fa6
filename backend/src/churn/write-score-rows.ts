import type { ChurnReason } from '@churnlens/contracts'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database'

export interface ScoreRow {
  companyId: number
  score: number
  band: 'low' | 'medium' | 'high'
  reasons: ChurnReason[]
  trend: number
  ticketCount: number
  openTickets: number
  recentTickets: number
}

/**
 * Upserts many companies' scores in one statement from one JSON parameter. A multi-row VALUES list
 * binds eleven parameters per row, and building and binding those cost more than the scoring itself
 * at a full pass's thousands of rows; the rows as one JSON document are unpacked by Postgres instead.
 */
export async function writeScoreRows(
  db: Database,
  workspaceId: string,
  rows: readonly ScoreRow[],
  computedAt: Date,
): Promise<void> {
  if (rows.length === 0) return
  const document = JSON.stringify(
    rows.map((r) => ({
      company_id: r.companyId,
      score: r.score,
      band: r.band,
      reasons: r.reasons,
      trend: r.trend,
      ticket_count: r.ticketCount,
      open_tickets: r.openTickets,
      recent_tickets: r.recentTickets,
    })),
  )
  await db.execute(sql`
    insert into churn_scores
      (workspace_id, company_id, score, band, reasons, trend, ticket_count, open_tickets, recent_tickets, computed_at)
    select ${workspaceId}::uuid, x.company_id, x.score, x.band, x.reasons, x.trend, x.ticket_count, x.open_tickets,
      x.recent_tickets, ${computedAt.toISOString()}::timestamptz
    from jsonb_to_recordset(${document}::jsonb) as x(company_id bigint, score integer, band text, reasons jsonb,
      trend integer, ticket_count integer, open_tickets integer, recent_tickets integer)
    on conflict (workspace_id, company_id) do update set
      score = excluded.score, band = excluded.band, reasons = excluded.reasons, trend = excluded.trend,
      ticket_count = excluded.ticket_count, open_tickets = excluded.open_tickets,
      recent_tickets = excluded.recent_tickets, computed_at = excluded.computed_at`)
}

/** Appends history points (company, score) at one time, in one statement. */
export async function writeHistoryPoints(
  db: Database,
  workspaceId: string,
  points: readonly { companyId: number; score: number }[],
  computedAt: Date,
): Promise<void> {
  if (points.length === 0) return
  const document = JSON.stringify(points.map((p) => ({ company_id: p.companyId, score: p.score })))
  await db.execute(sql`
    insert into churn_score_history (workspace_id, company_id, score, computed_at)
    select ${workspaceId}::uuid, x.company_id, x.score, ${computedAt.toISOString()}::timestamptz
    from jsonb_to_recordset(${document}::jsonb) as x(company_id bigint, score integer)`)
}
