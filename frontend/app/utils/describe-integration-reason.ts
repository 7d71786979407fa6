import { errorMessages, integrationReasonCodes, isErrorCode, optionalFeatures } from '@churnlens/contracts'
import type {
  AuthType,
  IntegrationEvent,
  IntegrationReasonCode,
  IntegrationStatus,
  IntegrationView,
  OptionalFeature,
} from '@churnlens/contracts'
import type { AppError } from './api-fetch'

/*
 * Every sentence the UI says about the HubSpot connection's health lives here: statuses, the
 * reasons behind them (`lastErrorCode`), timeline events, actors and optional features.
 */

/**
 * "a", "a and b", "a, b and c".
 * @example listInWords(['tickets', 'oauth']) === 'tickets and oauth'
 */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** A sentence for every reason the backend records as `lastErrorCode` / event `errorCode`. */
const reasonTexts: Record<IntegrationReasonCode, string> = {
  missing_scopes: 'HubSpot no longer grants every permission Churnlens needs.',
  refresh_token_revoked:
    "HubSpot revoked Churnlens's access: the app was uninstalled from the portal, or someone removed its access in HubSpot.",
  app_uninstalled:
    'Churnlens was uninstalled from this HubSpot portal, so every workspace connected to it lost access. Someone in the portal needs to install it again: reconnect HubSpot.',
  token_unreadable:
    'We could no longer read the stored HubSpot credentials, so HubSpot needs to grant access again. Your data is safe.',
  api_key_rejected:
    'HubSpot rejected the private-app token: it was rotated, or the private app was deleted in HubSpot.',
  hubspot_unavailable: 'HubSpot did not answer our requests.',
  hubspot_rate_limited: 'HubSpot asked us to slow down because too many requests were made (rate limit).',
  hubspot_invalid_response: 'HubSpot sent answers we could not understand.',
  hubspot_client_rejected:
    "HubSpot rejected Churnlens's own app credentials. This is on our side and our team has been alerted; you do not need to do anything.",
}

function isReasonCode(code: string): code is IntegrationReasonCode {
  return integrationReasonCodes.some((reason) => reason === code)
}

/**
 * Why a connection is unhealthy, in words; null when there is no reason to give. An API error code
 * (or one this version does not know) still gets a sentence.
 * @example describeIntegrationReason('missing_scopes', { missingScopes: ['tickets'] })
 *   === 'HubSpot no longer grants permissions Churnlens needs: tickets.'
 */
export function describeIntegrationReason(
  code: string | null | undefined,
  options: { missingScopes?: readonly string[] } = {},
): string | null {
  if (!code) return null
  if (code === 'missing_scopes') {
    const missing = options.missingScopes ?? []
    if (missing.length > 0) return `HubSpot no longer grants permissions Churnlens needs: ${listInWords(missing)}.`
  }
  if (isReasonCode(code)) return reasonTexts[code]
  if (isErrorCode(code)) return errorMessages[code]
  return `Something unexpected went wrong (${code}).`
}

export const authTypeLabels: Record<AuthType, string> = {
  oauth: 'OAuth',
  api_key: 'Private-app token',
}

export interface StatusExplanation {
  /** What the status means for the person, in one or two sentences. */
  summary: string
  /** The last error, in words, when the status has one worth telling. */
  reason: string | null
}

type StatusInput = Pick<IntegrationView, 'status' | 'authType' | 'lastErrorCode' | 'missingRequiredScopes'>

/** What each status means, and why the connection is in it. */
export function explainIntegrationStatus(integration: StatusInput): StatusExplanation {
  const { status, authType, lastErrorCode, missingRequiredScopes } = integration
  switch (status) {
    case 'pending':
      return { summary: 'Finishing the connection with HubSpot.', reason: null }
    case 'connected':
      if (missingRequiredScopes.length > 0) {
        return {
          summary:
            'Connected, but some permissions Churnlens needs are missing. Reconnect and approve every permission.',
          reason: describeIntegrationReason('missing_scopes', { missingScopes: missingRequiredScopes }),
        }
      }
      return {
        summary:
          authType === 'api_key'
            ? 'Connected and working. Private-app tokens do not expire, but this one stops working if someone rotates it or deletes the private app in HubSpot.'
            : 'Connected and working. Churnlens renews its access automatically, so this connection keeps running without you.',
        reason: null,
      }
    case 'degraded': {
      const reason = describeIntegrationReason(lastErrorCode ?? 'hubspot_unavailable')
      return {
        summary:
          'HubSpot is not answering right now. We retry automatically with backoff; your data is safe and you do not need to do anything.',
        reason: reason ? `Last error: ${reason}` : null,
      }
    }
    case 'needs_reauth':
      return {
        summary: "HubSpot no longer accepts Churnlens's access, so syncing is paused until you reconnect.",
        reason:
          describeIntegrationReason(lastErrorCode, { missingScopes: missingRequiredScopes }) ??
          'HubSpot stopped accepting our access.',
      }
    case 'disconnected':
      return { summary: 'Not connected. Churnlens no longer has access to this portal.', reason: null }
  }
}

/** The short reason shown in the global banner. */
export function bannerMessage(integration: StatusInput): { title: string; text: string } | null {
  if (integration.status === 'needs_reauth') {
    return { title: 'HubSpot needs you to reconnect', text: explainIntegrationStatus(integration).reason ?? '' }
  }
  if (integration.status === 'degraded') {
    const reason = describeIntegrationReason(integration.lastErrorCode ?? 'hubspot_unavailable')
    return {
      title: 'HubSpot is not answering right now',
      text: `We retry automatically and your data is safe. ${reason ?? ''}`.trim(),
    }
  }
  return null
}

const statusWords: Record<IntegrationStatus, string> = {
  pending: 'pending',
  connected: 'connected',
  degraded: 'degraded',
  needs_reauth: 'needs reconnecting',
  disconnected: 'disconnected',
}

/** "You" for a person in the workspace, "Churnlens" for background work. */
/** "You", the colleague's email, or Churnlens itself. */
export function describeActor(actor: string, actorEmail: string | null, myEmail: string | null): string {
  if (actor !== 'user') return 'Churnlens'
  if (actorEmail === null) return 'A former member'
  return actorEmail === myEmail ? 'You' : actorEmail
}

function detailNumber(detail: Record<string, unknown>, key: string): number | null {
  const value = detail[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** " for portal 2 (previously portal 1)" when the portal changed, else "". */
function portalSwitch(detail: Record<string, unknown>): string {
  const previous = detailNumber(detail, 'previousHubId')
  const current = detailNumber(detail, 'hubId')
  return previous !== null && current !== null ? ` for portal ${current} (previously portal ${previous})` : ''
}

/**
 * A timeline entry, in words.
 * @example describeIntegrationEvent({ type: 'recovered', detail: { afterFailures: 3 }, ... }) === 'Connection recovered after 3 failed attempts'
 */
export function describeIntegrationEvent(event: Pick<IntegrationEvent, 'type' | 'detail' | 'toStatus'>): string {
  const { detail } = event
  const hubId = detailNumber(detail, 'hubId')
  switch (event.type) {
    case 'connected':
      return hubId === null ? 'Connected HubSpot' : `Connected HubSpot portal ${hubId}`
    case 'reconnected':
      return `Reconnected HubSpot${detail.upgradedFrom === 'api_key' ? ' with OAuth, replacing the private-app token' : ''}${portalSwitch(detail)}`
    case 'api_key_connected':
      return `Connected with a private-app token${portalSwitch(detail) || (hubId === null ? '' : ` for portal ${hubId}`)}`
    case 'disconnected':
      return detail.revoke === 'revoked'
        ? "Disconnected HubSpot and revoked Churnlens's access"
        : 'Disconnected HubSpot'
    case 'degraded':
      return 'HubSpot stopped answering; retrying automatically'
    case 'recovered': {
      const failures = detailNumber(detail, 'afterFailures')
      return failures
        ? `Connection recovered after ${failures} failed attempt${failures === 1 ? '' : 's'}`
        : 'Connection recovered'
    }
    case 'needs_reauth':
      return 'HubSpot stopped accepting our access; a reconnect is needed'
    case 'keys_rotated':
      return 'Stored credentials re-encrypted with new keys'
    default: {
      const words = event.type.replaceAll('_', ' ')
      const status =
        event.toStatus && event.toStatus in statusWords
          ? ` (now ${statusWords[event.toStatus as IntegrationStatus]})`
          : ''
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}${status}`
    }
  }
}

/** The error behind a timeline entry, in words, or null. */
export function describeEventError(event: Pick<IntegrationEvent, 'errorCode' | 'detail'>): string | null {
  const missing = event.detail.missingScopes
  const missingScopes = Array.isArray(missing) ? missing.filter((s): s is string => typeof s === 'string') : []
  return describeIntegrationReason(event.errorCode, { missingScopes })
}

export function featureLabel(feature: string): string {
  return feature in optionalFeatures ? optionalFeatures[feature as OptionalFeature].label : feature.replaceAll('_', ' ')
}

/**
 * Why an optional feature is off, and how to turn it on for this kind of connection.
 * @example describeDisabledFeature({ feature: 'write_back', missingScopes: ['crm.objects.companies.write'] }, 'oauth')
 *   === 'Write churn scores back to HubSpot is off: grant crm.objects.companies.write by reconnecting.'
 */
export function describeDisabledFeature(
  disabled: { feature: string; missingScopes: readonly string[] },
  authType: AuthType,
): string {
  const scopes = listInWords(disabled.missingScopes)
  return authType === 'api_key'
    ? `${featureLabel(disabled.feature)} is off: add ${scopes} to the private app in HubSpot, then save the token again.`
    : `${featureLabel(disabled.feature)} is off: grant ${scopes} by reconnecting.`
}

/** Why live portal details could not be shown. */
export function describePortalError(error: AppError): string {
  switch (error.code) {
    case 'needs_reauth':
      return 'HubSpot no longer accepts our access, so live portal details are unavailable. Reconnect HubSpot to see them.'
    case 'hubspot_unavailable':
      return 'HubSpot is not answering right now, so live portal details are unavailable. Your connection is unaffected; try again in a moment.'
    case 'hubspot_invalid_response':
      return 'HubSpot sent portal details we could not understand. Try again in a moment.'
    case 'not_connected':
      return 'No HubSpot portal is connected, so there are no portal details to show.'
    default:
      return error.message
  }
}
