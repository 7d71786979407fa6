import {
  followUpTaskViewErrors,
  followUpTaskViewSchema,
  setFollowUpTasksBodySchema,
  setFollowUpTasksErrors,
} from './follow-up-tasks'
import { endpoint } from './endpoint'

/** Settings → Alerts → "Tasks in HubSpot": whether Churnlens creates follow-up tasks, and the latest ones. */
export const followUpTasksApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/v1/alerts/hubspot-tasks',
    auth: 'session',
    permission: 'data:read',
    response: followUpTaskViewSchema,
    errors: followUpTaskViewErrors,
  }),
  /** Owners and admins switch it on or off for the workspace. */
  set: endpoint({
    method: 'PUT',
    path: '/api/v1/alerts/hubspot-tasks',
    auth: 'session',
    permission: 'churn:configure',
    body: setFollowUpTasksBodySchema,
    response: followUpTaskViewSchema,
    errors: setFollowUpTasksErrors,
  }),
}
