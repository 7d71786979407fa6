import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import type { CrmCallError } from './crm-call-error'

/** HubSpot-defined association type: task → company (facts §G). */
export const TASK_TO_COMPANY_TYPE_ID = 192

export interface NewTask {
  /** `hs_timestamp` (the due date) is required by HubSpot; the others are the task's fields. */
  properties: {
    hs_timestamp: string
    hs_task_subject: string
    hs_task_body: string
    hs_task_status: 'NOT_STARTED'
    hs_task_priority: 'LOW' | 'MEDIUM' | 'HIGH'
    hs_task_type: 'EMAIL' | 'CALL' | 'TODO'
    hubspot_owner_id?: string
  }
  companyId: number
}

const createdTask = z.object({ id: z.string() })
const validationError = z.object({ message: z.string() })

/** HubSpot refused the task itself (a 400: a value it does not take), with its message; not worth retrying. */
export type CreateTaskError = CrmCallError | { refused: string }

/** POST /crm/v3/objects/tasks, associated with the company; the spec requires `associations` (facts §G). */
export function createTaskRequest(task: NewTask): HubspotRequest {
  return {
    method: 'POST',
    path: '/crm/v3/objects/tasks',
    body: {
      properties: task.properties,
      associations: [
        {
          to: { id: String(task.companyId) },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY_TYPE_ID }],
        },
      ],
    },
  }
}

/** Pure: the new task's id (201), a refusal with HubSpot's message (400), or what else went wrong. */
export async function processCreatedTask(response: Response): Promise<Result<string, CreateTaskError>> {
  if (response.status === 403) return err('forbidden')
  if (response.status === 404) return err('not_found')
  const body: unknown = await response.json().catch(() => null)
  if (response.status === 400) {
    const refusal = validationError.safeParse(body)
    return err({ refused: refusal.success ? refusal.data.message.slice(0, 500) : 'HubSpot refused the task.' })
  }
  if (!response.ok) return err('hubspot_invalid_response')
  const parsed = createdTask.safeParse(body)
  return parsed.success ? ok(parsed.data.id) : err('hubspot_invalid_response')
}

/** Needs `crm.objects.contacts.write` (403 without): HubSpot has no scope of its own for tasks. */
export function createTask(client: HubspotClient, task: NewTask): Promise<Result<string, CreateTaskError>> {
  return client.call(createTaskRequest(task), processCreatedTask)
}
