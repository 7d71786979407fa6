import { followUpTasksApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'
import { loadFollowUpTaskView } from './load-follow-up-task-view'
import { setFollowUpTasks } from './set-follow-up-tasks'

/** Settings → Alerts → Tasks in HubSpot. */
export function followUpTaskRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  route(app, followUpTasksApi.get, async (c, { session }) =>
    reply(c, followUpTasksApi.get, await loadFollowUpTaskView(deps.db, session.workspaceId)),
  )
  route(app, followUpTasksApi.set, async (c, { session, body }) => {
    const saved = await setFollowUpTasks(deps.db, session.workspaceId, body, deps.clock.now())
    if (!saved.ok) return fail(c, followUpTasksApi.set, saved.error)
    return reply(c, followUpTasksApi.set, await loadFollowUpTaskView(deps.db, session.workspaceId))
  })
  return app
}
