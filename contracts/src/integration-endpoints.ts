import { endpoint } from './endpoint'
import {
  apiKeyBodySchema,
  apiKeyErrors,
  authorizeErrors,
  authorizeQuerySchema,
  authorizeResponseSchema,
  callbackBodySchema,
  callbackErrors,
  disconnectErrors,
  disconnectQuerySchema,
  eventsErrors,
  getIntegrationErrors,
  integrationEventsResponseSchema,
  integrationResponseSchema,
  portalDetailsErrors,
  portalDetailsResponseSchema,
} from './integrations'

/** The workspace's HubSpot connection. */
export const hubspotApi = {
  getIntegration: endpoint({
    method: 'GET',
    path: '/api/v1/integrations/hubspot',
    auth: 'session',
    permission: 'data:read',
    response: integrationResponseSchema,
    errors: getIntegrationErrors,
  }),
  /** HubSpot's consent URL, with a fresh state and PKCE challenge. */
  startAuthorization: endpoint({
    method: 'GET',
    path: '/api/v1/integrations/hubspot/authorize',
    auth: 'session',
    permission: 'integration:manage',
    query: authorizeQuerySchema,
    response: authorizeResponseSchema,
    errors: authorizeErrors,
  }),
  /** What HubSpot sent back to the callback page, passed on as it came. */
  completeAuthorization: endpoint({
    method: 'POST',
    path: '/api/v1/integrations/hubspot/callback',
    auth: 'session',
    permission: 'integration:manage',
    body: callbackBodySchema,
    response: integrationResponseSchema,
    errors: callbackErrors,
  }),
  connectApiKey: endpoint({
    method: 'POST',
    path: '/api/v1/integrations/hubspot/api-key',
    auth: 'session',
    permission: 'integration:manage',
    body: apiKeyBodySchema,
    response: integrationResponseSchema,
    errors: apiKeyErrors,
  }),
  disconnect: endpoint({
    method: 'DELETE',
    path: '/api/v1/integrations/hubspot',
    auth: 'session',
    permission: 'integration:manage',
    query: disconnectQuerySchema,
    response: integrationResponseSchema,
    errors: disconnectErrors,
  }),
  listEvents: endpoint({
    method: 'GET',
    path: '/api/v1/integrations/hubspot/events',
    auth: 'session',
    permission: 'data:read',
    response: integrationEventsResponseSchema,
    errors: eventsErrors,
  }),
  /** Live from HubSpot on every call. */
  getPortalDetails: endpoint({
    method: 'GET',
    path: '/api/v1/integrations/hubspot/portal',
    auth: 'session',
    permission: 'data:read',
    response: portalDetailsResponseSchema,
    errors: portalDetailsErrors,
  }),
}
