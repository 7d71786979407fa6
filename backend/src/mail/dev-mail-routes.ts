import { devMailApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'

/** What the development mail catcher received; not there at all in production (or with SMTP_URL set). */
export function devMailRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  route(app, devMailApi.list, (c) => {
    const catcher = deps.mailCatcher
    if (deps.config.production || !catcher) return fail(c, devMailApi.list, 'not_found')
    return reply(c, devMailApi.list, { mails: catcher.list() })
  })
  return app
}
