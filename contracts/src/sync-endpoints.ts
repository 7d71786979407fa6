import { endpoint } from './endpoint'
import { requestSyncErrors, requestSyncResponseSchema, syncProgressErrors, syncProgressResponseSchema } from './sync'

/** The HubSpot import and its incremental passes. */
export const syncApi = {
  getProgress: endpoint({
    method: 'GET',
    path: '/api/v1/integrations/hubspot/sync',
    auth: 'session',
    permission: 'data:read',
    response: syncProgressResponseSchema,
    errors: syncProgressErrors,
  }),
  /** Queues a pass; its progress shows on `getProgress`. */
  request: endpoint({
    method: 'POST',
    path: '/api/v1/integrations/hubspot/sync',
    auth: 'session',
    permission: 'data:write',
    response: requestSyncResponseSchema,
    status: 202,
    errors: requestSyncErrors,
  }),
}
