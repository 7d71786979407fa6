import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'
import { findPortal } from '../state/portals'
import type { SimState } from '../state/sim-state'
import { htmlResponse, readAuthorizeParams } from './authorize-page'
import { grantScopes } from './grant-scopes'
import { issueAuthCode } from './issue-auth-code'
import { decisionPath } from './render-consent-page'
import { renderErrorPage } from './render-error-page'
import { escapeHtml, renderPage } from '../http/html'
import type { AuthorizeRequest } from './validate-authorize-request'
import { validateAuthorizeRequest } from './validate-authorize-request'

/** POST /oauth/authorize/decision: the consent form's Grant access / Deny buttons. */
export function registerAuthorizeDecision(app: Hono<SimEnv>, state: SimState): void {
  app.post(decisionPath, async (c) => {
    const form = new URLSearchParams(await c.req.text())
    const validated = validateAuthorizeRequest(state, readAuthorizeParams(form), form.get('account_id') ?? undefined)
    if (!validated.ok) return htmlResponse(renderErrorPage(validated.error), 400)
    const request = validated.value

    const decision = form.get('decision')
    if (decision === 'deny') return deny(state, request)

    const portal = findPortal(state.portals, Number(form.get('portalId')))
    const pinnedMismatch = request.pinnedPortal !== undefined && request.pinnedPortal !== portal
    if (decision !== 'grant' || !portal || pinnedMismatch) {
      return htmlResponse(
        renderErrorPage({ code: 'BAD_DECISION', message: 'Choose an account, then Grant access or Deny.' }),
        400,
      )
    }

    const scopes = grantScopes(request, portal)
    if (!scopes.ok) return htmlResponse(renderErrorPage(scopes.error), 400)

    const code = issueAuthCode(state, request, portal, scopes.value)
    return redirectTo(request, { code: code.code })
  })
}

function deny(state: SimState, request: AuthorizeRequest): Response {
  if (!state.settings.denyRedirects) {
    return htmlResponse(
      renderPage(
        'Access not granted',
        `<h1>Access not granted</h1>\n<p>${escapeHtml(request.app.name)} was not connected.</p>`,
      ),
      200,
    )
  }
  return redirectTo(request, { error: 'access_denied', error_description: 'The user denied access to the app.' })
}

function redirectTo(request: AuthorizeRequest, params: Record<string, string>): Response {
  const target = new URL(request.redirectUri)
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value)
  if (request.state !== undefined) target.searchParams.set('state', request.state)
  return new Response(null, { status: 302, headers: { location: target.toString() } })
}
