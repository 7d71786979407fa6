import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { alertRoutes } from './alerts/routes'
import { followUpTaskRoutes } from './follow-up-tasks/routes'
import { linkRoutes } from './links/routes'
import type { AppDeps, AppEnv } from './app-deps'
import { loadSession } from './auth/load-session'
import { passwordRoutes } from './auth/password-routes'
import { authRoutes } from './auth/routes'
import { churnRoutes } from './churn/churn-routes'
import { companyRoutes } from './churn/company-routes'
import { definitionRoutes } from './churn/definition-routes'
import { ownerRoutes } from './owners/routes'
import { revenueRoutes } from './revenue/revenue-routes'
import { modelRoutes } from './churn/model-routes'
import { apiError } from './http/api-error'
import { limitBody } from './http/limit-body'
import { sameSecret } from './http/same-secret'
import { refuseControlCharacters } from './http/refuse-control-characters'
import { refuseCrossSite } from './http/refuse-cross-site'
import { hubspotIntegrationRoutes } from './integrations/hubspot/routes'
import { syncRoutes } from './sync/routes'
import { webhookRoutes } from './webhooks/routes'
import { devMailRoutes } from './mail/dev-mail-routes'
import { teamRoutes } from './workspaces/team-routes'
import { workspaceRoutes } from './workspaces/routes'

/** The whole HTTP API; tests call `app.request()` on exactly this. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  app.use(secureHeaders())
  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    // Path only: query strings and bodies may carry codes or states.
    deps.logger.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    )
  })
  app.get('/healthz', async (c) => {
    try {
      await deps.db.execute(sql`select 1`)
      return c.json({ status: 'ok' })
    } catch (error) {
      deps.logger.error({ err: error }, 'health check: database unreachable')
      return c.json({ status: 'unavailable', reason: 'database' }, 503)
    }
  })
  app.get('/metrics', async (c) => {
    // Required in production; compared in constant time, so the token cannot be guessed a byte at a time.
    if (
      deps.config.metricsToken &&
      !sameSecret(c.req.header('authorization') ?? '', `Bearer ${deps.config.metricsToken}`)
    )
      return apiError(c, 'unauthenticated')
    return c.text(await deps.metrics.registry.metrics(), 200, { 'content-type': deps.metrics.registry.contentType })
  })

  // The edge, before any parsing, session or throttling work: bounded bodies, clean addresses, same-site writes.
  app.use(limitBody())
  app.use('/api/*', refuseControlCharacters)
  // HubSpot's webhook calls speak HubSpot's format, not our error envelope: outside the endpoint contracts.
  app.route('/api/v1/webhooks/hubspot', webhookRoutes(deps))
  app.use('/api/*', refuseCrossSite(deps.config.publicUrl))
  app.use('/api/*', loadSession(deps))
  // Every other route takes its method and path from its definition in contracts/.
  for (const routes of [
    authRoutes,
    hubspotIntegrationRoutes,
    syncRoutes,
    companyRoutes,
    churnRoutes,
    modelRoutes,
    definitionRoutes,
    ownerRoutes,
    alertRoutes,
    followUpTaskRoutes,
    linkRoutes,
    revenueRoutes,
    passwordRoutes,
    workspaceRoutes,
    teamRoutes,
    devMailRoutes,
  ])
    app.route('/', routes(deps))

  app.notFound((c) => apiError(c, 'not_found'))
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, 'unhandled error')
    return apiError(c, 'server_error')
  })
  return app
}

export type App = ReturnType<typeof createApp>
