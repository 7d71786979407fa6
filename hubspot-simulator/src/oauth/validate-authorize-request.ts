import type { Result } from '../result'
import { err, ok } from '../result'
import type { SimApp } from '../state/apps'
import { findAppByClientId } from '../state/apps'
import type { SimPortal } from '../state/portals'
import { findPortal } from '../state/portals'
import type { SimState } from '../state/sim-state'

/** The authorize URL's query, or the same values echoed back by the consent form. */
export interface AuthorizeParams {
  client_id?: string
  redirect_uri?: string
  scope?: string
  optional_scope?: string
  state?: string
  code_challenge?: string
  code_challenge_method?: string
}

export interface AuthorizeRequest {
  app: SimApp
  redirectUri: string
  /** From `scope`: all must be granted. */
  scopes: string[]
  /** From `optional_scope`: granted when the account can. */
  optionalScopes: string[]
  state?: string
  codeChallenge?: string
  /** Set for /oauth/{portalId}/authorize: only that account may be chosen. */
  pinnedPortal?: SimPortal
}

export type AuthorizeErrorCode =
  | 'INVALID_CLIENT_ID'
  | 'REDIRECT_URI_MISMATCH'
  | 'MISSING_SCOPE'
  | 'SCOPE_MISMATCH'
  | 'MISSING_REQUIRED_SCOPES'
  | 'UNSUPPORTED_CHALLENGE_METHOD'
  | 'PKCE_REQUIRED'
  | 'UNKNOWN_PORTAL'
  | 'SCOPES_NOT_GRANTABLE'
  | 'BAD_DECISION'

export interface AuthorizeFailure {
  code: AuthorizeErrorCode
  message: string
}

/**
 * Every check HubSpot makes before showing consent. Failures are shown on an error page, never
 * redirected: the redirect URI itself may be the thing that's wrong. Runs again on the decision POST.
 */
export function validateAuthorizeRequest(
  state: SimState,
  params: AuthorizeParams,
  pinnedPortalId?: string,
): Result<AuthorizeRequest, AuthorizeFailure> {
  const app = findAppByClientId(state.apps, params.client_id)
  if (!app)
    return fail(
      'INVALID_CLIENT_ID',
      `Authorization failed because the client_id "${params.client_id ?? ''}" doesn't belong to any app.`,
    )

  const redirectUri = params.redirect_uri ?? ''
  if (!app.redirectUris.includes(redirectUri)) {
    return fail(
      'REDIRECT_URI_MISMATCH',
      `Authorization failed as the redirect URL ${redirectUri} doesn't match the app's registered redirect URL.`,
    )
  }

  const scopes = splitScopes(params.scope)
  const optionalScopes = splitScopes(params.optional_scope)
  if (scopes.length === 0)
    return fail('MISSING_SCOPE', 'Authorization failed because the install URL has no scope parameter.')

  const configured = new Set([...app.requiredScopes, ...app.optionalScopes])
  const unknown = [...scopes, ...optionalScopes].filter((scope) => !configured.has(scope))
  if (unknown.length > 0) {
    return fail(
      'SCOPE_MISMATCH',
      `Authorization failed because there is a mismatch between the scopes in the install URL and the app's configured scopes: ${unknown.join(', ')}.`,
    )
  }
  const missing = app.requiredScopes.filter((scope) => !scopes.includes(scope))
  if (missing.length > 0) {
    return fail(
      'MISSING_REQUIRED_SCOPES',
      `Authorization failed because the install URL is missing scopes the app requires: ${missing.join(', ')}.`,
    )
  }

  const codeChallenge = params.code_challenge || undefined
  if (codeChallenge && params.code_challenge_method !== 'S256') {
    return fail('UNSUPPORTED_CHALLENGE_METHOD', 'Authorization failed because code_challenge_method must be S256.')
  }
  if (!codeChallenge && state.settings.pkceRequired)
    return fail('PKCE_REQUIRED', 'PKCE is required for this authorization request')

  let pinnedPortal: SimPortal | undefined
  if (pinnedPortalId !== undefined) {
    pinnedPortal = findPortal(state.portals, Number(pinnedPortalId))
    if (!pinnedPortal)
      return fail(
        'UNKNOWN_PORTAL',
        `Authorization failed because account ${pinnedPortalId} doesn't exist or you don't have access to it.`,
      )
  }

  return ok({
    app,
    redirectUri,
    scopes,
    optionalScopes,
    ...(params.state ? { state: params.state } : {}),
    ...(codeChallenge ? { codeChallenge } : {}),
    ...(pinnedPortal ? { pinnedPortal } : {}),
  })
}

export function fail(code: AuthorizeErrorCode, message: string): { ok: false; error: AuthorizeFailure } {
  return err({ code, message })
}

function splitScopes(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/[\s+]+/).filter(Boolean))]
}
