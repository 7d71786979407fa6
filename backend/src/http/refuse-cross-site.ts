import { createMiddleware } from 'hono/factory'
import { apiError } from './api-error'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses a state-changing request a browser sent from another site, whatever its body: POSTs
 * without a body (rescore, sync, logout) cannot lean on the JSON-only rule that stops form posts.
 * Browsers send Sec-Fetch-Site on every request, older ones at least Origin; a request with
 * neither comes from no browser (curl, HubSpot's webhooks, a script), which CSRF cannot use.
 * Modelled on Hono's csrf middleware, which checks only form-like content types.
 */
export function refuseCrossSite(publicUrl: string) {
  const ownOrigin = new URL(publicUrl).origin
  return createMiddleware(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    // 'none' is a person's own action (typed or bookmarked), never a page of another site.
    const allowed = site ? site === 'same-origin' || site === 'none' : origin ? origin === ownOrigin : true
    if (!allowed) return apiError(c, 'cross_site_request')
    return next()
  })
}
