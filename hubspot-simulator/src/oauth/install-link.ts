import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { renderErrorPage } from './render-error-page'
import { htmlResponse } from './authorize-page'

/**
 * GET /install: the app's install link, as a Marketplace listing's "Install" button or a shared
 * install URL starts it. It leads to the ordinary consent page with the app's registered redirect
 * URL and scopes but no `state` and no PKCE challenge: nothing of the app's own session is in it, so
 * the app meets the person only when the code arrives (INSTALL-FLOW, "without partner sign in").
 * `?portalId=` pins the account, as HubSpot's account-scoped install links do.
 */
export function registerInstallLink(app: Hono<SimEnv>, state: SimState): void {
  app.get('/install', (c) => {
    const appId = c.req.query('appId')
    const target = appId === undefined ? state.apps[0] : state.apps.find((a) => String(a.appId) === appId)
    const redirectUri = target?.redirectUris[0]
    if (!target || !redirectUri)
      return htmlResponse(renderErrorPage({ code: 'INVALID_CLIENT_ID', message: 'No such app to install.' }), 400)
    const portalId = c.req.query('portalId')
    const path = portalId && /^[0-9]+$/.test(portalId) ? `/oauth/${portalId}/authorize` : '/oauth/authorize'
    const query = new URLSearchParams({
      client_id: target.clientId,
      redirect_uri: redirectUri,
      scope: target.requiredScopes.join(' '),
    })
    if (target.optionalScopes.length > 0) query.set('optional_scope', target.optionalScopes.join(' '))
    return new Response(null, { status: 302, headers: { location: `${path}?${query.toString()}` } })
  })
}
