import type { AuthorizeResponse, IntegrationEventsResponse, IntegrationResponse, SyncProgressResponse } from '@churnlens/contracts'
import { apiKeyBodySchema, authorizeQuerySchema, callbackBodySchema } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../../app-deps'
import { requireSession, sessionOf } from '../../auth/load-session'
import { apiError } from '../../http/api-error'
import { parseJsonBody } from '../../http/parse-json-body'
import { HubspotClient } from './client/hubspot-client'
import { completeAuthorization } from './complete-authorization'
import { connectApiKey } from './connect-api-key'
import { disconnectIntegration } from './disconnect-integration'
import { findHubspotIntegration } from './find-integration'
import { listIntegrationEvents } from './list-integration-events'
import { startAuthorization } from './start-authorization'
import { getSyncProgress } from '../../sync/get-sync-progress'
import { toIntegrationView } from './to-integration-view'

export function hubspotIntegrationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireSession)
    .get('/', async (c) => {
      const row = await findHubspotIntegration(deps.db, sessionOf(c).workspaceId)
      const body: IntegrationResponse = { integration: row ? toIntegrationView(row) : null }
      return c.json(body)
    })
    .get('/authorize', async (c) => {
      const query = authorizeQuerySchema.safeParse(c.req.query())
      if (!query.success) return apiError(c, 'invalid_query', { issues: query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) })
      const url = await startAuthorization(deps, sessionOf(c), { allowPortalSwitch: query.data.allowPortalSwitch === 'true' })
      const body: AuthorizeResponse = { url }
      return c.json(body)
    })
    .post('/callback', async (c) => {
      const body = await parseJsonBody(c, callbackBodySchema)
      if (!body.ok) return apiError(c, body.error.code, { ...(body.error.issues ? { issues: body.error.issues } : {}) })
      const result = await completeAuthorization(deps, sessionOf(c), body.value)
      if (!result.ok) return apiError(c, result.error)
      await deps.scheduler.requestSync(result.value.id, 'connected')
      const response: IntegrationResponse = { integration: toIntegrationView(result.value) }
      return c.json(response)
    })
    .post('/api-key', async (c) => {
      const body = await parseJsonBody(c, apiKeyBodySchema)
      if (!body.ok) return apiError(c, body.error.code, { ...(body.error.issues ? { issues: body.error.issues } : {}) })
      const result = await connectApiKey(deps, sessionOf(c), body.value.token)
      if (!result.ok) {
        const issues = result.error.missing?.map((scope) => ({ path: 'token', message: `missing scope ${scope}` }))
        return apiError(c, result.error.code, issues ? { issues } : {})
      }
      await deps.scheduler.requestSync(result.value.id, 'connected')
      const response: IntegrationResponse = { integration: toIntegrationView(result.value) }
      return c.json(response)
    })
    .get('/sync', async (c) => {
      const row = await findHubspotIntegration(deps.db, sessionOf(c).workspaceId)
      if (!row || row.status === 'disconnected') return apiError(c, 'not_connected')
      const body: SyncProgressResponse = { sync: await getSyncProgress(deps.db, row.workspaceId) }
      return c.json(body)
    })
    .post('/sync', async (c) => {
      const row = await findHubspotIntegration(deps.db, sessionOf(c).workspaceId)
      if (!row || row.status === 'disconnected') return apiError(c, 'not_connected')
      if (row.status === 'needs_reauth') return apiError(c, 'needs_reauth')
      await deps.scheduler.requestSync(row.id, 'manual')
      return c.json({ requested: true }, 202)
    })
    .get('/events', async (c) => {
      const body: IntegrationEventsResponse = { events: await listIntegrationEvents(deps.db, sessionOf(c).workspaceId) }
      return c.json(body)
    })
    .get('/portal', async (c) => {
      const row = await findHubspotIntegration(deps.db, sessionOf(c).workspaceId)
      if (!row || row.status === 'disconnected') return apiError(c, 'not_connected')
      const details = await HubspotClient.fromIntegration(deps, row).getAccountDetails()
      if (!details.ok) {
        const code = details.error === 'forbidden' ? 'needs_reauth' : details.error
        return apiError(c, code)
      }
      return c.json({ portal: details.value })
    })
    .delete('/', async (c) => {
      const result = await disconnectIntegration(deps, sessionOf(c))
      if (!result.ok) return apiError(c, result.error)
      const response: IntegrationResponse = { integration: toIntegrationView(result.value) }
      return c.json(response)
    })
}
