import { createMiddleware } from 'hono/factory'
import type { AppDeps, AppEnv } from '../app-deps'
import { apiError } from '../http/api-error'
import { readSessionCookie } from './session-cookie'
import { resolveSession } from './sessions'

export function loadSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = await readSessionCookie(c, deps.config, deps.sessionSecret)
    c.set('session', token ? await resolveSession(deps.db, token, deps.clock.now()) : null)
    await next()
  })
}

/** In front of every endpoint whose definition says `auth: 'session'` (route() puts it there). */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('session')) return apiError(c, 'unauthenticated')
  await next()
  return undefined
})
