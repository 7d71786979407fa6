import type { ChurnReason } from '@churnlens/contracts'
import type { NewTask } from '../integrations/hubspot/crm/create-task'

export interface FollowUpTaskInput {
  companyId: number
  companyName: string | null
  score: number
  ownerId: string | null
  reasons: readonly ChurnReason[]
  /** The signed link to the company page in Churnlens. */
  link: string
  now: Date
}

/** The reasons a task names: the heaviest first, the rest are one click away on the company page. */
const TOP_REASONS = 3
const DAY = 86_400_000

/**
 * Pure: the HubSpot task for a company that entered the high band. Due the next business day (09:00
 * UTC, Monday after a Friday or a weekend), high priority, a to-do; no owner → unassigned. The body is
 * plain lines, which HubSpot shows as they are.
 */
export function buildFollowUpTask(input: FollowUpTaskInput): NewTask {
  const name = input.companyName ?? `Company ${input.companyId}`
  const top = [...input.reasons]
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, TOP_REASONS)
  const body = [
    `${name} entered the high churn-risk band with a score of ${input.score}/100.`,
    '',
    ...(top.length > 0 ? ['Top reasons:', ...top.map((r) => `• ${r.evidence} (+${r.points})`), ''] : []),
    `Open in Churnlens: ${input.link}`,
  ].join('\n')
  return {
    companyId: input.companyId,
    properties: {
      hs_timestamp: nextBusinessDay(input.now).toISOString(),
      hs_task_subject: `Churn risk: ${name} is high (${input.score}/100)`,
      hs_task_body: body,
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
      hs_task_type: 'TODO',
      ...(input.ownerId ? { hubspot_owner_id: input.ownerId } : {}),
    },
  }
}

function nextBusinessDay(now: Date): Date {
  let day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9) + DAY)
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + DAY)
  return day
}
