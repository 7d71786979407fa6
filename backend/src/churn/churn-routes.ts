import { churnApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { reply, route } from '../http/route'
import { getChurnSummary } from './get-churn-summary'

/** The workspace's churn picture as a whole, and a full re-score on request. */
export function churnRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, churnApi.getSummary, async (c, { session }) => {
    return reply(c, churnApi.getSummary, await getChurnSummary(deps.db, session.workspaceId, deps.clock.now()))
  })

  route(app, churnApi.requestRescore, async (c, { session }) => {
    await deps.scheduler.requestRescore(session.workspaceId)
    return reply(c, churnApi.requestRescore, { requested: true })
  })

  return app
}
