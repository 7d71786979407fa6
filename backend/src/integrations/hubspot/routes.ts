import type { AuthorizeResponse, IntegrationResponse } from '@churnlens/contracts'
import { callbackBodySchema } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../../app-deps'
import { requireSession, sessionOf } from '../../auth/load-session'
import { apiError } from '../../http/api-error'
import { parseJsonBody } from '../../http/parse-json-body'
import { completeAuthorization } from './complete-authorization'
import { disconnectIntegration } from './disconnect-integration'
import { findHubspotIntegration } from './find-integration'
import { startAuthorization } from './start-authorization'
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
      const body: AuthorizeResponse = { url: await startAuthorization(deps, sessionOf(c)) }
      return c.json(body)
    })
    .post('/callback', async (c) => {
      const body = await parseJsonBody(c, callbackBodySchema)
      if (!body.ok) return apiError(c, body.error.code, { ...(body.error.issues ? { issues: body.error.issues } : {}) })
      const result = await completeAuthorization(deps, sessionOf(c), body.value)
      if (!result.ok) return apiError(c, result.error)
      const response: IntegrationResponse = { integration: toIntegrationView(result.value) }
      return c.json(response)
    })
    .delete('/', async (c) => {
      const result = await disconnectIntegration(deps, sessionOf(c))
      if (!result.ok) return apiError(c, result.error)
      const response: IntegrationResponse = { integration: toIntegrationView(result.value) }
      return c.json(response)
    })
}
