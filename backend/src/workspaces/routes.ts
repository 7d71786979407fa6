import { authApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { clearSessionCookie } from '../auth/session-cookie'
import { fail, reply, route } from '../http/route'
import { deleteWorkspace } from './delete-workspace'

export function workspaceRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  route(app, authApi.deleteWorkspace, async (c, { session, body }) => {
    const deleted = await deleteWorkspace(deps, session, body.confirmName)
    if (!deleted.ok) return fail(c, authApi.deleteWorkspace, deleted.error)
    clearSessionCookie(c, deps.config)
    return reply(c, authApi.deleteWorkspace, undefined)
  })
  return app
}
