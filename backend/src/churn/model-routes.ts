import { churnModelApi, roleCan } from '@churnlens/contracts'
import { desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { churnDefinitions, churnModelRuns } from '../db/schema'
import { fail, reply, route } from '../http/route'
import { loadWeightsView } from './model/load-signal-weights'
import { setWeightsMode } from './model/set-weights-mode'
import { toModelRunView } from './model/to-model-run-view'

/** The score tested on the workspace's own churn: the latest backtest, a new run, and the weights in use. */
export function modelRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, churnModelApi.get, async (c, { session }) => {
    const [definition] = await deps.db
      .select()
      .from(churnDefinitions)
      .where(eq(churnDefinitions.workspaceId, session.workspaceId))
    const [latest] = await deps.db
      .select()
      .from(churnModelRuns)
      .where(eq(churnModelRuns.workspaceId, session.workspaceId))
      .orderBy(desc(churnModelRuns.startedAt))
      .limit(1)
    return reply(c, churnModelApi.get, {
      definition: definition?.definition ?? null,
      outcomesStatus: definition?.outcomesStatus ?? null,
      latestRun: latest ? toModelRunView(latest) : null,
      weights: await loadWeightsView(deps.db, session.workspaceId),
      viewer: { canChangeWeights: roleCan(session.role, 'churn:configure') },
    })
  })

  route(app, churnModelApi.requestRun, async (c, { session }) => {
    const [definition] = await deps.db
      .select({ id: churnDefinitions.workspaceId })
      .from(churnDefinitions)
      .where(eq(churnDefinitions.workspaceId, session.workspaceId))
    if (!definition) return fail(c, churnModelApi.requestRun, 'no_churn_definition')
    await deps.scheduler.requestModelRun(session.workspaceId, 'manual')
    return reply(c, churnModelApi.requestRun, { requested: true })
  })

  route(app, churnModelApi.setWeights, async (c, { session, body }) => {
    const result = await setWeightsMode(deps.db, session.workspaceId, session.userId, body.mode, deps.clock.now())
    if (!result.ok) return fail(c, churnModelApi.setWeights, result.error)
    await deps.scheduler.requestRescore(session.workspaceId)
    return reply(c, churnModelApi.setWeights, result.value)
  })

  return app
}
