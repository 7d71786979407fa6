import { alertsApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'
import { listAlertLog } from './list-alert-log'
import { loadAlertRules } from './load-alert-rules'
import { loadSlackTargetView } from './load-slack-target-view'
import { saveAlertRules } from './save-alert-rules'
import { setSlackTarget } from './set-slack-target'

/** Settings → Alerts: each member's rules, the workspace's Slack webhook, and the log of what was sent. */
export function alertRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, alertsApi.getRules, async (c, { session }) =>
    reply(c, alertsApi.getRules, await loadAlertRules(deps.db, session.workspaceId, session.userId)),
  )

  route(app, alertsApi.setRules, async (c, { session, body }) => {
    await saveAlertRules(deps.db, session, body, deps.clock.now())
    return reply(c, alertsApi.setRules, await loadAlertRules(deps.db, session.workspaceId, session.userId))
  })

  route(app, alertsApi.getSlack, async (c, { session }) =>
    reply(c, alertsApi.getSlack, await loadSlackTargetView(deps.db, session.workspaceId)),
  )

  route(app, alertsApi.setSlack, async (c, { session, body }) => {
    const saved = await setSlackTarget(deps, session.workspaceId, body, deps.clock.now())
    if (!saved.ok) return fail(c, alertsApi.setSlack, saved.error)
    return reply(c, alertsApi.setSlack, await loadSlackTargetView(deps.db, session.workspaceId))
  })

  route(app, alertsApi.log, async (c, { session }) =>
    reply(c, alertsApi.log, { entries: await listAlertLog(deps.db, session.workspaceId) }),
  )

  return app
}
