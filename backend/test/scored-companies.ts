import type { ChurnReason } from '@churnlens/contracts'
import type { Database } from '../src/db/database'
import { bandOf } from '../src/churn/score-company'
import { writeHistoryPoints, writeScoreRows } from '../src/churn/write-score-rows'

/** A scoring pass's result for one company, written as the scoring writes it (score row and history point). */
export async function writeScored(
  db: Database,
  workspaceId: string,
  companyId: number,
  score: number,
  now: Date,
  reasons: ChurnReason[] = [],
): Promise<void> {
  const row = {
    companyId,
    score,
    band: bandOf(score),
    reasons,
    trend: 0,
    ticketCount: 0,
    openTickets: 0,
    recentTickets: 0,
  }
  await writeScoreRows(db, workspaceId, [row], now)
  await writeHistoryPoints(db, workspaceId, [{ companyId, score }], now)
}

/** Reads until `done` says so or `ms` pass, and answers the last value read (the test asserts on it). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
