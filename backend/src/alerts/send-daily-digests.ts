import { and, desc, eq, gte, lt, sql } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { companyOfAlert } from './company-of-alert'
import { alertDeliveries, alertDigests, alertRules, crmCompanies, users, workspaces } from '../db/schema'
import { companyLink } from '../links/company-link'
import { renderLinkMail } from '../mail/render-link-mail'
import { describeAlert } from './describe-alert'

const DAY = 86_400_000
/** A digest lists this many alerts at most; the rest are on the settings page. */
const DIGEST_SIZE = 30

/**
 * Each member who asked for it gets one mail listing the alerts of the last 24 hours that were for
 * them; nothing to list, no mail. The digest is recorded before the mail goes out, so two instances
 * running the daily job send it once; a send that fails removes the record and throws, so the job's
 * retry sends it again.
 */
export async function sendDailyDigests(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'config' | 'logger' | 'sessionSecret'>,
  now: Date,
) {
  const { db } = deps
  const day = now.toISOString().slice(0, 10)
  const since = new Date(now.getTime() - DAY)
  const members = await db
    .select({
      workspaceId: alertRules.workspaceId,
      workspaceName: workspaces.name,
      userId: alertRules.userId,
      email: users.email,
    })
    .from(alertRules)
    .innerJoin(users, eq(users.id, alertRules.userId))
    .innerJoin(workspaces, eq(workspaces.id, alertRules.workspaceId))
    .where(eq(alertRules.kind, 'daily_digest'))
  let sent = 0
  for (const member of members) {
    const alerts = await db
      .select({ alert: alertDeliveries, companyName: crmCompanies.name })
      .from(alertDeliveries)
      .leftJoin(crmCompanies, companyOfAlert)
      .where(
        and(
          eq(alertDeliveries.workspaceId, member.workspaceId),
          gte(alertDeliveries.createdAt, since),
          lt(alertDeliveries.createdAt, now),
          sql`${alertDeliveries.userIds} @> ${JSON.stringify([member.userId])}::jsonb`,
        ),
      )
      .orderBy(desc(alertDeliveries.createdAt))
      .limit(DIGEST_SIZE)
    if (alerts.length === 0) continue
    const claimed = await db
      .insert(alertDigests)
      .values({ workspaceId: member.workspaceId, userId: member.userId, day, alerts: alerts.length, sentAt: now })
      .onConflictDoNothing()
      .returning({ day: alertDigests.day })
    if (claimed.length === 0) continue
    const lines = alerts.map(({ alert, companyName }) => {
      const name = companyName ?? `Company ${alert.companyId}`
      return `• ${describeAlert({ ...alert, companyName: name, from: alert.fromScore })} ${companyLink(deps.config.publicUrl, deps.sessionSecret, member.workspaceId, alert.companyId)}`
    })
    const mail = renderLinkMail({
      to: member.email,
      subject: `Churnlens: ${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'} in ${member.workspaceName}`,
      intro: [`The accounts that turned in the last 24 hours in ${member.workspaceName}:`, '', ...lines],
      action: { label: 'Your alerts', url: `${deps.config.publicUrl}/settings/alerts` },
      outro: ['You get this mail because you asked for a daily digest in Settings → Alerts.'],
    })
    try {
      await deps.mailer.send(mail)
      sent++
    } catch (error) {
      await db
        .delete(alertDigests)
        .where(
          and(
            eq(alertDigests.workspaceId, member.workspaceId),
            eq(alertDigests.userId, member.userId),
            eq(alertDigests.day, day),
          ),
        )
      throw new Error('daily alert digest not sent', { cause: error })
    }
  }
  return { sent }
}
