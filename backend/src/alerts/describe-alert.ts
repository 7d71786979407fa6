import type { AlertEvent } from '@churnlens/contracts'

/** One sentence for an alert, the same in Slack and in the digest mail. */
export function describeAlert(alert: { event: AlertEvent; companyName: string; score: number; from: number | null }) {
  return alert.event === 'entered_high'
    ? `${alert.companyName} entered the high churn-risk band (score ${alert.score}).`
    : `${alert.companyName}'s churn-risk score rose from ${alert.from ?? '?'} to ${alert.score} within 7 days.`
}
