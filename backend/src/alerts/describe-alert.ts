import type { AlertEvent } from '@churnlens/contracts'

/** One sentence for an alert, the same in Slack and in the digest mail. */
export function describeAlert(alert: {
  event: AlertEvent
  companyName: string
  score: number
  from: number | null
  /** For `renewal_due_high`: the renewal date. */
  occurredAt?: Date
}) {
  if (alert.event === 'entered_high')
    return `${alert.companyName} entered the high churn-risk band (score ${alert.score}).`
  if (alert.event === 'renewal_due_high')
    return `${alert.companyName} renews on ${alert.occurredAt?.toISOString().slice(0, 10) ?? 'a date soon'} at high churn risk (score ${alert.score}).`
  return `${alert.companyName}'s churn-risk score rose from ${alert.from ?? '?'} to ${alert.score} within 7 days.`
}
