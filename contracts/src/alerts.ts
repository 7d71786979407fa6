import { z } from 'zod'

/** What a member can ask to be told about. */
export const alertKinds = [
  'owned_company_high',
  'any_company_high',
  'score_rise',
  'renewal_high_risk',
  'daily_digest',
] as const
export const alertKindSchema = z.enum(alertKinds)
export type AlertKind = z.infer<typeof alertKindSchema>

/** The member's own choice of alerts in the current workspace. */
export const alertRulesSchema = z.strictObject({
  /** A company whose HubSpot owner is this member enters the high band. */
  ownedCompanyHigh: z.boolean(),
  /** Any company of the workspace enters the high band. */
  anyCompanyHigh: z.boolean(),
  /** A score rises by at least this many points within 7 days; null is off. */
  scoreRisePoints: z.number().int().min(5).max(100).nullable(),
  /** A high-risk company's renewal is due within this many days; null is off (absent from older clients: off). */
  renewalWithinDays: z.number().int().min(7).max(180).nullable().default(null),
  /** Also a mail each morning listing the day's alerts that were for this member. */
  dailyDigest: z.boolean(),
})
export type AlertRules = z.infer<typeof alertRulesSchema>

export const slackTargetStatusSchema = z.enum(['none', 'ok', 'failing'])

/** The workspace's Slack incoming webhook: only where it points and how it fares, never the whole secret URL. */
export const slackTargetViewSchema = z.object({
  status: slackTargetStatusSchema,
  /** The URL with its secret part hidden, e.g. `https://hooks.slack.com/services/T0…/…a1b2`. */
  maskedUrl: z.string().nullable(),
  lastError: z.string().nullable(),
  failingSince: z.iso.datetime().nullable(),
  consecutiveFailures: z.number().int(),
})
export type SlackTargetView = z.infer<typeof slackTargetViewSchema>

export const setSlackTargetBodySchema = z.strictObject({
  /** A Slack incoming-webhook URL; null stops sending to Slack. */
  url: z.string().trim().max(500).nullable(),
})
export type SetSlackTargetBody = z.infer<typeof setSlackTargetBodySchema>

/** What an alert is about: rules of several members may ask for the same one; it is raised once. */
export const alertEvents = ['entered_high', 'score_rise', 'renewal_due_high'] as const
export const alertEventSchema = z.enum(alertEvents)
export type AlertEvent = z.infer<typeof alertEventSchema>

export const alertDeliveryStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'not_delivered'])

/** One alert Churnlens raised, and what became of sending it. */
export const alertLogEntrySchema = z.object({
  id: z.string(),
  event: alertEventSchema,
  companyId: z.number().int(),
  companyName: z.string().nullable(),
  score: z.number().int(),
  /** When what the alert is about happened (the company entered the band, the rise was seen) or the renewal date. */
  occurredAt: z.iso.datetime(),
  raisedAt: z.iso.datetime(),
  status: alertDeliveryStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
})
export type AlertLogEntry = z.infer<typeof alertLogEntrySchema>

export const alertLogResponseSchema = z.object({ entries: z.array(alertLogEntrySchema) })
export type AlertLogResponse = z.infer<typeof alertLogResponseSchema>

export const alertRulesErrors = ['unauthenticated', 'forbidden'] as const
export const setAlertRulesErrors = ['unauthenticated', 'forbidden', 'invalid_body', 'unsupported_media_type'] as const
export const slackTargetErrors = ['unauthenticated', 'forbidden'] as const
export const setSlackTargetErrors = [
  'unauthenticated',
  'forbidden',
  'invalid_body',
  'unsupported_media_type',
  'invalid_slack_url',
] as const
export const alertLogErrors = ['unauthenticated', 'forbidden'] as const
