import { z } from 'zod'

export const integrationStatuses = ['pending', 'connected', 'degraded', 'needs_reauth', 'disconnected'] as const
export type IntegrationStatus = (typeof integrationStatuses)[number]

/**
 * Why a connection is unhealthy: an integration's `lastErrorCode` and a timeline event's `errorCode`.
 * Closed, so the UI's sentence for each is a typed record and a new reason cannot ship without one.
 */
export const integrationReasonCodes = [
  'refresh_token_revoked',
  'app_uninstalled',
  'token_unreadable',
  'api_key_rejected',
  'missing_scopes',
  'hubspot_unavailable',
  'hubspot_rate_limited',
  'hubspot_invalid_response',
  'hubspot_client_rejected',
] as const
export type IntegrationReasonCode = (typeof integrationReasonCodes)[number]

export const authTypes = ['oauth', 'api_key'] as const
export type AuthType = (typeof authTypes)[number]

export const authorizeResponseSchema = z.object({ url: z.url() })
export type AuthorizeResponse = z.infer<typeof authorizeResponseSchema>

/**
 * What the frontend callback page posts: HubSpot's own query parameters, passed on as they came.
 * Either a `code` (consent granted) or an `error` (denied or failed); `state` must always be there.
 */
export const callbackBodySchema = z.union([
  z.strictObject({
    code: z.string().min(1).max(512),
    state: z.string().max(256).optional(),
  }),
  z.strictObject({
    error: z.string().min(1).max(128),
    error_description: z.string().max(2000).optional(),
    state: z.string().max(256).optional(),
  }),
])
export type CallbackBody = z.infer<typeof callbackBodySchema>

export const integrationViewSchema = z.object({
  id: z.string(),
  provider: z.literal('hubspot'),
  status: z.enum(integrationStatuses),
  authType: z.enum(authTypes),
  hubId: z.number().int().nullable(),
  hubDomain: z.string().nullable(),
  grantedScopes: z.array(z.string()),
  requiredScopes: z.array(z.string()),
  optionalScopes: z.array(z.string()),
  missingRequiredScopes: z.array(z.string()),
  tokenExpiresAt: z.iso.datetime().nullable(),
  lastRefreshedAt: z.iso.datetime().nullable(),
  connectedAt: z.iso.datetime().nullable(),
  lastErrorCode: z.enum(integrationReasonCodes).nullable(),
  /** Optional features switched off because their scopes were not granted. */
  disabledFeatures: z.array(z.object({ feature: z.string(), missingScopes: z.array(z.string()) })),
  /**
   * Another workspace connected to the same portal writes scores back to it (only one may: the first
   * to switch write-back on), so this one does not, even with the scopes.
   */
  writeBackHeldElsewhere: z.boolean(),
  /** The portal's use of HubSpot's daily request limit as last reported (private apps); null when unknown. */
  dailyUsage: z.object({ limit: z.number().int(), used: z.number().int(), seenAt: z.iso.datetime() }).nullable(),
  updatedAt: z.iso.datetime(),
})
export type IntegrationView = z.infer<typeof integrationViewSchema>

export const integrationResponseSchema = z.object({ integration: integrationViewSchema.nullable() })
export type IntegrationResponse = z.infer<typeof integrationResponseSchema>

export const authorizeQuerySchema = z.strictObject({
  /** The person confirmed that a different portal may replace the connected one. */
  allowPortalSwitch: z.enum(['true', 'false']).optional(),
})

export const integrationEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actor: z.string(),
  /** The person who acted, when a person did (`actor` is "user") and their account still exists. */
  actorEmail: z.string().nullable(),
  errorCode: z.enum(integrationReasonCodes).nullable(),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
})
export type IntegrationEvent = z.infer<typeof integrationEventSchema>
export const integrationEventsResponseSchema = z.object({ events: z.array(integrationEventSchema) })
export type IntegrationEventsResponse = z.infer<typeof integrationEventsResponseSchema>

export const portalDetailsSchema = z.object({
  portalId: z.number().int(),
  timeZone: z.string(),
  currency: z.string(),
  dataHostingLocation: z.string(),
  uiDomain: z.string(),
})
export type PortalDetails = z.infer<typeof portalDetailsSchema>
export const portalDetailsResponseSchema = z.object({ portal: portalDetailsSchema })

export const apiKeyBodySchema = z.strictObject({
  token: z.string().trim().min(10, 'Paste the whole private-app token.').max(512),
})
export type ApiKeyBody = z.infer<typeof apiKeyBodySchema>

export const authorizeErrors = ['invalid_query', 'unauthenticated', 'forbidden'] as const
export const eventsErrors = ['unauthenticated'] as const
export const portalDetailsErrors = [
  'unauthenticated',
  'not_connected',
  'needs_reauth',
  'hubspot_unavailable',
  'hubspot_daily_limit',
  'hubspot_invalid_response',
] as const
export const apiKeyErrors = [
  'invalid_body',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'oauth_connected',
  'api_key_invalid',
  'api_key_missing_scopes',
  'hubspot_unavailable',
  'hubspot_invalid_response',
] as const
export const callbackErrors = [
  'invalid_body',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'oauth_access_denied',
  'oauth_provider_error',
  'state_missing',
  'state_unknown',
  'state_expired',
  'state_already_used',
  'state_session_mismatch',
  'code_invalid',
  'code_expired',
  'missing_scopes',
  'redirect_uri_mismatch',
  'hubspot_client_rejected',
  'hubspot_invalid_response',
  'hubspot_unavailable',
  'portal_switch_unconfirmed',
] as const
export type CallbackErrorCode = (typeof callbackErrors)[number]
/** What the callback page posts when HubSpot came back without a state of ours (an install started from HubSpot). */
export const installBodySchema = z.union([
  z.strictObject({ code: z.string().min(1).max(512), returnUrl: z.string().max(2000).optional() }),
  z.strictObject({
    error: z.string().min(1).max(128),
    error_description: z.string().max(2000).optional(),
    returnUrl: z.string().max(2000).optional(),
  }),
])
export type InstallBody = z.infer<typeof installBodySchema>

export const pendingInstallSchema = z.object({
  hubId: z.number().int(),
  hubDomain: z.string().nullable(),
  expiresAt: z.iso.datetime(),
  /** Where the signed-in person may finish it: the workspaces they own (empty when signed out). */
  workspaces: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type PendingInstall = z.infer<typeof pendingInstallSchema>
export const pendingInstallResponseSchema = z.object({ install: pendingInstallSchema })

/** Either a workspace the person owns, or a new one made for this portal. */
export const claimInstallBodySchema = z.union([
  z.strictObject({ workspaceId: z.uuid() }),
  z.strictObject({ newWorkspaceName: z.string().trim().min(1).max(100) }),
])
export type ClaimInstallBody = z.infer<typeof claimInstallBodySchema>

export const receiveInstallErrors = [
  'invalid_body',
  'unsupported_media_type',
  'oauth_access_denied',
  'oauth_provider_error',
  'code_invalid',
  'code_expired',
  'missing_scopes',
  'redirect_uri_mismatch',
  'hubspot_client_rejected',
  'hubspot_invalid_response',
  'hubspot_unavailable',
] as const
export type ReceiveInstallErrorCode = (typeof receiveInstallErrors)[number]
export const pendingInstallErrors = [
  'install_missing',
  'install_unknown',
  'install_expired',
  'install_already_claimed',
] as const
export type PendingInstallErrorCode = (typeof pendingInstallErrors)[number]
export const claimInstallErrors = [
  'invalid_body',
  'unsupported_media_type',
  'unauthenticated',
  ...pendingInstallErrors,
  'forbidden',
  'workspace_connected_elsewhere',
] as const
export type ClaimInstallErrorCode = (typeof claimInstallErrors)[number]

export const getIntegrationErrors = ['unauthenticated'] as const
export const disconnectErrors = [
  'unauthenticated',
  'forbidden',
  'invalid_query',
  'not_connected',
  'hubspot_unavailable',
] as const
/** `forgetData=true` also deletes what was synced from the portal and the scores built on it. */
export const disconnectQuerySchema = z.strictObject({ forgetData: z.enum(['true', 'false']).optional() })
