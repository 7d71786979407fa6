import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppDeps, AppEnv, SessionInfo } from '../app-deps'
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

/** Every endpoint but sign-up, sign-in and webhooks sits behind this. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('session')) return apiError(c, 'unauthenticated')
  await next()
  return undefined
})

/** The session of a request that passed `requireSession`; a missing one is a wiring bug. */
export function sessionOf(c: Context<AppEnv>): SessionInfo {
  const session = c.get('session')
  if (!session) throw new Error('route is missing requireSession')
  return session
}
