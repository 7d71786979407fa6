import { and, exists, isNotNull, lt, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { AppDeps } from '../app-deps'
import { SESSION_IDLE_MS } from '../auth/sessions'
import type { RetentionConfig } from '../config'
import {
  churnScoreHistory,
  oauthStates,
  passwordResetTokens,
  rateLimitCounters,
  sessions,
  webhookInbox,
} from '../db/schema'

const DAY = 24 * 60 * 60 * 1000
// The longest throttling window is an hour; a day leaves the counters readable while someone investigates.
const RATE_LIMIT_KEEP_MS = DAY

export type PrunedCounts = Record<
  'rateLimitCounters' | 'oauthStates' | 'sessions' | 'passwordResets' | 'webhookInbox' | 'scoreHistory',
  number
>

/**
 * Deletes what nobody needs any more, each table by its own rule (README, "Data retention"):
 * throttling counters whose window closed a day ago; authorize attempts a while after they expired
 * (long enough to tell a late callback "expired" rather than "unknown"); sessions past their
 * absolute or idle end; reset links past their hour; webhook events processed longer ago than HubSpot retries a delivery (so a
 * redelivery still falls on its dedupe key); score history older than the configured period,
 * except each company's newest point, which the company page and the trend still read.
 */
export async function pruneExpiredData(
  deps: Pick<AppDeps, 'db' | 'clock' | 'logger' | 'metrics'>,
  retention: RetentionConfig,
): Promise<PrunedCounts> {
  const { db } = deps
  const now = deps.clock.now().getTime()
  const before = (ms: number) => new Date(now - ms)

  const counters = await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.windowStart, before(RATE_LIMIT_KEEP_MS)))
    .returning({ key: rateLimitCounters.key })
  const states = await db
    .delete(oauthStates)
    .where(lt(oauthStates.expiresAt, before(retention.oauthStateDays * DAY)))
    .returning({ id: oauthStates.stateHash })
  const ended = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, before(SESSION_IDLE_MS))))
    .returning({ id: sessions.id })
  const resets = await db
    .delete(passwordResetTokens)
    .where(lt(passwordResetTokens.expiresAt, new Date(now)))
    .returning({ id: passwordResetTokens.id })
  const inbox = await db
    .delete(webhookInbox)
    .where(
      and(isNotNull(webhookInbox.processedAt), lt(webhookInbox.processedAt, before(retention.webhookInboxDays * DAY))),
    )
    .returning({ id: webhookInbox.id })
  const newer = alias(churnScoreHistory, 'newer')
  const history = await db
    .delete(churnScoreHistory)
    .where(
      and(
        lt(churnScoreHistory.computedAt, before(retention.scoreHistoryDays * DAY)),
        exists(
          db
            .select({ one: sql`1` })
            .from(newer)
            .where(
              and(
                sql`${newer.workspaceId} = ${churnScoreHistory.workspaceId}`,
                sql`${newer.companyId} = ${churnScoreHistory.companyId}`,
                sql`${newer.computedAt} > ${churnScoreHistory.computedAt}`,
              ),
            ),
        ),
      ),
    )
    .returning({ at: churnScoreHistory.computedAt })

  const pruned: PrunedCounts = {
    rateLimitCounters: counters.length,
    oauthStates: states.length,
    sessions: ended.length,
    passwordResets: resets.length,
    webhookInbox: inbox.length,
    scoreHistory: history.length,
  }
  for (const [table, rows] of Object.entries(pruned)) deps.metrics.rowsPruned.inc({ table }, rows)
  deps.logger.info({ pruned }, 'retention: expired data pruned')
  return pruned
}
