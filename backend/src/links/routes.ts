import { linksApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'
import { openCompanyLink } from './open-company-link'

/** Signed links into Churnlens, followed from the /go pages. */
export function linkRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  route(app, linksApi.openCompany, async (c, { session, body }) => {
    const opened = await openCompanyLink(deps, session, body)
    if (!opened.ok) return fail(c, linksApi.openCompany, opened.error)
    return reply(c, linksApi.openCompany, opened.value)
  })
  return app
}
