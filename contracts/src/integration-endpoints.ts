import { endpoint } from './endpoint'
import {
  apiKeyBodySchema,
  apiKeyErrors,
  authorizeErrors,
  authorizeQuerySchema,
  authorizeResponseSchema,
  callbackBodySchema,
  callbackErrors,
  claimInstallBodySchema,
  claimInstallErrors,
  installBodySchema,
  pendingInstallErrors,
  pendingInstallResponseSchema,
  receiveInstallErrors,
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
  /**
   * HubSpot came back without a state of ours: an install started from HubSpot. The code is
   * exchanged at once and the grant kept for an hour, bound to a cookie, until someone claims it.
   */
  receiveInstall: endpoint({
    method: 'POST',
    path: '/api/v1/integrations/hubspot/install',
    auth: 'public',
    body: installBodySchema,
    response: pendingInstallResponseSchema,
    errors: receiveInstallErrors,
  }),
  /** The install waiting in this browser (its cookie), and where the signed-in person may finish it. */
  getPendingInstall: endpoint({
    method: 'GET',
    path: '/api/v1/integrations/hubspot/install',
    auth: 'public',
    response: pendingInstallResponseSchema,
    errors: pendingInstallErrors,
  }),
  /**
   * Connects the waiting portal to a workspace where the person's role manages the integration (or a new one), which
   * becomes their current one. The role checked is the one in the workspace named, not the session's current one.
   */
  claimInstall: endpoint({
    method: 'POST',
    path: '/api/v1/integrations/hubspot/install/claim',
    auth: 'session',
    permission: 'account:self',
    body: claimInstallBodySchema,
    response: integrationResponseSchema,
    errors: claimInstallErrors,
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
