import { syncApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'
import { findHubspotIntegration } from '../integrations/hubspot/find-integration'
import { getSyncProgress } from './get-sync-progress'

export function syncRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, syncApi.getProgress, async (c, { session }) => {
    const row = await findHubspotIntegration(deps.db, session.workspaceId)
    if (!row || row.status === 'disconnected') return fail(c, syncApi.getProgress, 'not_connected')
    return reply(c, syncApi.getProgress, { sync: await getSyncProgress(deps.db, row.workspaceId) })
  })

  route(app, syncApi.request, async (c, { session }) => {
    const row = await findHubspotIntegration(deps.db, session.workspaceId)
    if (!row || row.status === 'disconnected') return fail(c, syncApi.request, 'not_connected')
    if (row.status === 'needs_reauth') return fail(c, syncApi.request, 'needs_reauth')
    await deps.scheduler.requestSync(row.id, 'manual')
    return reply(c, syncApi.request, { requested: true })
  })

  return app
}
