import { and, eq, inArray, lt, or, sql } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { alertDeliveries, alertSlackTargets, crmCompanies, users } from '../db/schema'
import { companyLink } from '../links/company-link'
import { buildSlackMessage } from './build-slack-message'
import { classifySlackAnswer } from './classify-slack-answer'
import { slackUrlSeal } from './slack-url-seal'

/** Sends to one URL that fail this many times in a row, whatever the alert, give the URL up. */
export const SLACK_FAILURES_BEFORE_FAILING = 5
/** One alert is tried this many times at most (pg-boss spaces the tries out). */
export const ALERT_ATTEMPTS = 5
const CLAIM_MS = 60_000
const SEND_TIMEOUT_MS = 10_000

export type DeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed' | 'not_delivered'

/**
 * Posts one recorded alert to the workspace's Slack webhook. The row is claimed first, so two
 * workers handed the same alert send it once. Answers `retry` when the caller should try again later
 * (the job throws so pg-boss backs off); a URL that is gone, or fails again and again, is marked
 * failing, and alerts meet it as not delivered instead of being retried forever.
 */
export async function deliverAlert(
  deps: Pick<AppDeps, 'db' | 'cipher' | 'fetch' | 'clock' | 'config' | 'logger' | 'sessionSecret'>,
  deliveryId: string,
): Promise<DeliveryOutcome> {
  const { db } = deps
  const now = deps.clock.now()
  const [alert] = await db
    .update(alertDeliveries)
    .set({ status: 'sending', claimedUntil: new Date(now.getTime() + CLAIM_MS) })
    .where(
      and(
        eq(alertDeliveries.id, deliveryId),
        or(
          eq(alertDeliveries.status, 'pending'),
          and(eq(alertDeliveries.status, 'sending'), lt(alertDeliveries.claimedUntil, now)),
        ),
      ),
    )
    .returning()
  if (!alert) return 'skipped'
  const settle = (set: Partial<typeof alertDeliveries.$inferInsert>) =>
    db
      .update(alertDeliveries)
      .set({ claimedUntil: null, ...set })
      .where(eq(alertDeliveries.id, deliveryId))

  const [target] = await db.select().from(alertSlackTargets).where(eq(alertSlackTargets.workspaceId, alert.workspaceId))
  const url =
    target && !target.failingSince ? deps.cipher.open(target.urlSealed, slackUrlSeal(alert.workspaceId)) : null
  if (!target || !url?.ok) {
    const reason = !target
      ? 'No Slack URL is set.'
      : url
        ? 'The Slack URL could not be read.'
        : 'The Slack URL is failing.'
    await settle({ status: 'not_delivered', lastError: reason })
    return 'not_delivered'
  }

  const [company] = await db
    .select({ name: crmCompanies.name })
    .from(crmCompanies)
    .where(and(eq(crmCompanies.workspaceId, alert.workspaceId), eq(crmCompanies.hubspotId, alert.companyId)))
  const members =
    alert.userIds.length > 0
      ? await db.select({ email: users.email }).from(users).where(inArray(users.id, alert.userIds))
      : []
  const message = buildSlackMessage(
    {
      event: alert.event,
      companyId: alert.companyId,
      companyName: company?.name ?? null,
      score: alert.score,
      from: alert.fromScore,
      occurredAt: alert.occurredAt,
      members: members.map((m) => m.email).sort(),
    },
    companyLink(deps.config.publicUrl, deps.sessionSecret, alert.workspaceId, alert.companyId),
  )

  const answer = await deps
    .fetch(url.value, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    })
    .then(async (res) => ({ status: res.status, body: (await res.text().catch(() => '')).slice(0, 200) }))
    .catch((error: unknown) => ({ status: 'network_error' as const, body: String(error) }))
  const verdict = classifySlackAnswer(answer.status)
  const attempts = alert.attempts + 1
  const error = `Slack answered ${answer.status}${answer.body ? `: ${answer.body}` : ''}`
  const targetRow = eq(alertSlackTargets.workspaceId, alert.workspaceId)

  if (verdict === 'sent') {
    await settle({ status: 'sent', attempts, lastError: null, sentAt: now })
    await db.update(alertSlackTargets).set({ consecutiveFailures: 0 }).where(targetRow)
    return 'sent'
  }
  deps.logger.warn({ deliveryId, workspaceId: alert.workspaceId, status: answer.status }, 'slack alert not delivered')
  if (verdict === 'refused') {
    await settle({ status: 'failed', attempts, lastError: error })
    return 'failed'
  }
  const [counted] = await db
    .update(alertSlackTargets)
    .set({ consecutiveFailures: sql`${alertSlackTargets.consecutiveFailures} + 1`, lastError: error })
    .where(targetRow)
    .returning({ failures: alertSlackTargets.consecutiveFailures })
  const urlFailing = verdict === 'url_gone' || (counted?.failures ?? 0) >= SLACK_FAILURES_BEFORE_FAILING
  if (urlFailing) await db.update(alertSlackTargets).set({ failingSince: now }).where(targetRow)
  if (urlFailing || attempts >= ALERT_ATTEMPTS) {
    await settle({ status: 'failed', attempts, lastError: error })
    return 'failed'
  }
  await settle({ status: 'pending', attempts, lastError: error })
  return 'retry'
}
