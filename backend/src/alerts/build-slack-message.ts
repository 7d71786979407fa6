import type { AlertEvent } from '@churnlens/contracts'
import { describeAlert } from './describe-alert'

export interface SlackAlert {
  event: AlertEvent
  companyId: number
  companyName: string | null
  score: number
  /** The score the rise started from, for `score_rise`. */
  from: number | null
  /** When it happened; for `renewal_due_high`, the renewal date. */
  occurredAt?: Date
  /** Who asked for it, by email. */
  members: readonly string[]
}

/**
 * Slack's incoming-webhook message: `text` is the fallback notifications show, `blocks` the message itself.
 * `link` is the signed link to the company page, which opens it in the alert's workspace.
 */
export function buildSlackMessage(alert: SlackAlert, link: string): { text: string; blocks: unknown[] } {
  const name = alert.companyName ?? `Company ${alert.companyId}`
  const what = describeAlert({ ...alert, companyName: name })
  const text = `${what} ${link}`
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*<${link}|${escapeMrkdwn(name)}>*\n${escapeMrkdwn(what)}` } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `Churnlens alert for ${escapeMrkdwn(alert.members.join(', ') || 'the team')}` },
        ],
      },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Churnlens' }, url: link }],
      },
    ],
  }
}

/** Slack reads &, < and > as markup in mrkdwn; a company name must not become a link or a mention. */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
