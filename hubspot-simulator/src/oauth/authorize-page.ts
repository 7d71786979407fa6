import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { renderConsentPage } from './render-consent-page'
import { renderErrorPage } from './render-error-page'
import type { AuthorizeParams } from './validate-authorize-request'
import { validateAuthorizeRequest } from './validate-authorize-request'

/** GET /oauth/authorize and the account-pinned /oauth/{portalId}/authorize (app.hubspot.com). */
export function registerAuthorizePage(app: Hono<SimEnv>, state: SimState): void {
  app.get('/oauth/authorize', (c) => showAuthorize(state, readAuthorizeParams(new URL(c.req.url).searchParams)))
  app.get('/oauth/:portalId{[0-9]+}/authorize', (c) =>
    showAuthorize(state, readAuthorizeParams(new URL(c.req.url).searchParams), c.req.param('portalId')),
  )
}

function showAuthorize(state: SimState, params: AuthorizeParams, pinnedPortalId?: string): Response {
  const validated = validateAuthorizeRequest(state, params, pinnedPortalId)
  if (!validated.ok) return htmlResponse(renderErrorPage(validated.error), 400)
  return htmlResponse(renderConsentPage(validated.value, params, state.portals), 200)
}

export function readAuthorizeParams(source: { get(name: string): string | null }): AuthorizeParams {
  const names = [
    'client_id',
    'redirect_uri',
    'scope',
    'optional_scope',
    'state',
    'code_challenge',
    'code_challenge_method',
  ] as const
  const params: AuthorizeParams = {}
  for (const name of names) {
    const value = source.get(name)
    if (value !== null) params[name] = value
  }
  return params
}

// HubSpot's consent page cannot be framed; a framed grant button could be clicked through a decoy (clickjacking).
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
}

export function htmlResponse(html: string, status: number): Response {
  return new Response(html, { status, headers: pageHeaders })
}
