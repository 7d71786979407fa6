import { z } from 'zod'

/**
 * Follow-up tasks in HubSpot: when a company enters the high band, a task for its owner. `on`: switched
 * on and the scope is granted; `off`: switched off (or never on); `needs_scope`: the connection lacks
 * the scope (on or off, nothing is created until it is granted); `not_connected`: no HubSpot portal.
 */
export const followUpTaskStatuses = ['on', 'off', 'needs_scope', 'not_connected'] as const
export const followUpTaskStatusSchema = z.enum(followUpTaskStatuses)
export type FollowUpTaskStatus = z.infer<typeof followUpTaskStatusSchema>

export const followUpTaskStates = ['pending', 'creating', 'created', 'failed'] as const
export const followUpTaskStateSchema = z.enum(followUpTaskStates)

/** One task Churnlens asked HubSpot to create, and what became of it. */
export const followUpTaskEntrySchema = z.object({
  id: z.string(),
  companyId: z.number().int(),
  companyName: z.string().nullable(),
  score: z.number().int(),
  /** When the company entered the high band: one task per entry. */
  enteredAt: z.iso.datetime(),
  state: followUpTaskStateSchema,
  /** The HubSpot owner the task was assigned to; null when the company has none (unassigned). */
  ownerId: z.string().nullable(),
  hubspotTaskId: z.string().nullable(),
  /** The task in HubSpot, when the portal is known. */
  hubspotUrl: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
})
export type FollowUpTaskEntry = z.infer<typeof followUpTaskEntrySchema>

export const followUpTaskViewSchema = z.object({
  status: followUpTaskStatusSchema,
  /** Whether an owner or admin switched it on (it stays on while the scope is missing, but does nothing). */
  enabled: z.boolean(),
  /** The scopes the connection lacks for it; reconnecting and granting them turns it back on. */
  missingScopes: z.array(z.string()),
  /** Why Churnlens switched it off by itself (HubSpot refused the scope), and when. */
  turnedOffReason: z.string().nullable(),
  turnedOffAt: z.iso.datetime().nullable(),
  recent: z.array(followUpTaskEntrySchema),
})
export type FollowUpTaskView = z.infer<typeof followUpTaskViewSchema>

export const setFollowUpTasksBodySchema = z.strictObject({ enabled: z.boolean() })
export type SetFollowUpTasksBody = z.infer<typeof setFollowUpTasksBodySchema>

export const followUpTaskViewErrors = ['unauthenticated', 'forbidden'] as const
export const setFollowUpTasksErrors = [
  'unauthenticated',
  'forbidden',
  'invalid_body',
  'unsupported_media_type',
  'not_connected',
  'missing_scopes',
] as const
