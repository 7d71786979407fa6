import { authApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { trustedProxyList } from '@churnlens/contracts/client-address'
import { clientAddress } from '../http/client-address'
import { fail, reply, route } from '../http/route'
import { changePassword } from './change-password'
import { consumeRateLimit } from './consume-rate-limit'
import { requestPasswordReset } from './request-password-reset'
import { resetPassword } from './reset-password'
import { clearSessionCookie, writeSessionCookie } from './session-cookie'
import { createSession, deleteUserSessions } from './sessions'

const FIFTEEN_MINUTES = 15 * 60 * 1000
const passwordChecksPerUser = { limit: 10, windowMs: FIFTEEN_MINUTES }
const resetRequestsPerAddress = { limit: 10, windowMs: FIFTEEN_MINUTES }
const resetRequestsPerEmail = { limit: 3, windowMs: 60 * 60 * 1000 }

/** Signing out everywhere, changing a password, and resetting a forgotten one by email. */
export function passwordRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const trusted = trustedProxyList(deps.config.trustedProxies)

  route(app, authApi.logOutEverywhere, async (c, { session }) => {
    const ended = await deleteUserSessions(db, session.userId)
    clearSessionCookie(c, deps.config)
    deps.logger.info({ userId: session.userId, ended }, 'signed out everywhere')
    return reply(c, authApi.logOutEverywhere, undefined)
  })

  route(app, authApi.changePassword, async (c, { session, body }) => {
    const limited = await consumeRateLimit(db, `password:user:${session.userId}`, passwordChecksPerUser, clock.now())
    if (!limited.allowed)
      return fail(c, authApi.changePassword, 'too_many_attempts', {
        headers: { 'Retry-After': String(limited.retryAfterSeconds) },
      })
    const changed = await changePassword(db, session.userId, body)
    if (!changed.ok) return fail(c, authApi.changePassword, changed.error)
    // Every other device is signed out; this browser carries on in a fresh session.
    const token = await createSession(db, {
      userId: session.userId,
      workspaceId: session.workspaceId,
      now: clock.now(),
    })
    await writeSessionCookie(c, deps.config, deps.sessionSecret, token)
    deps.logger.info({ userId: session.userId }, 'password changed; every session ended')
    return reply(c, authApi.changePassword, undefined)
  })

  route(app, authApi.requestPasswordReset, async (c, { body }) => {
    for (const [key, rule] of [
      [`reset:ip:${clientAddress(c, trusted)}`, resetRequestsPerAddress],
      [`reset:email:${body.email}`, resetRequestsPerEmail],
    ] as const) {
      const limited = await consumeRateLimit(db, key, rule, clock.now())
      if (!limited.allowed)
        return fail(c, authApi.requestPasswordReset, 'too_many_attempts', {
          headers: { 'Retry-After': String(limited.retryAfterSeconds) },
        })
    }
    // Not awaited: the answer must take as long for an unknown email as for a known one.
    void requestPasswordReset(deps, body.email).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'password reset mail not sent'),
    )
    return reply(c, authApi.requestPasswordReset, { requested: true })
  })

  route(app, authApi.resetPassword, async (c, { body }) => {
    const reset = await resetPassword(db, body, clock.now())
    if (!reset.ok) return fail(c, authApi.resetPassword, reset.error)
    clearSessionCookie(c, deps.config)
    return reply(c, authApi.resetPassword, undefined)
  })

  return app
}
