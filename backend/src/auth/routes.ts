import { authApi } from '@churnlens/contracts'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { trustedProxyList } from '@churnlens/contracts/client-address'
import { clientAddress } from '../http/client-address'
import { fail, reply, route } from '../http/route'
import { consumeRateLimit } from './consume-rate-limit'
import type { RateLimitRule } from './consume-rate-limit'
import { logIn } from './log-in'
import {
  failurePauseMs,
  forgetAttempts,
  loginFailuresPerEmail,
  loginKeys,
  loginPerAddress,
  loginPerEmailAndAddress,
} from './login-throttle'
import { clearSessionCookie, writeSessionCookie } from './session-cookie'
import { createSession, deleteSession } from './sessions'
import type { NewAccount } from './sign-up'
import { signUp } from './sign-up'
import { loadMe } from '../workspaces/load-me'

const signupPerAddress = { limit: 20, windowMs: 60 * 60 * 1000 }

export function authRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const trusted = trustedProxyList(deps.config.trustedProxies)

  /** The first rule whose window is spent, with the seconds until it resets; null while every rule allows. */
  async function throttled(rules: [string, RateLimitRule][]): Promise<{ retryAfterSeconds: number } | null> {
    for (const [key, rule] of rules) {
      const result = await consumeRateLimit(db, key, rule, clock.now())
      if (!result.allowed) return result
    }
    return null
  }

  async function startSession(c: Context, account: NewAccount) {
    const token = await createSession(db, {
      userId: account.userId,
      workspaceId: account.workspaceId,
      now: clock.now(),
    })
    await writeSessionCookie(c, deps.config, deps.sessionSecret, token)
  }

  route(app, authApi.signUp, async (c, { body }) => {
    const limited = await throttled([[`signup:ip:${clientAddress(c, trusted)}`, signupPerAddress]])
    if (limited)
      return fail(c, authApi.signUp, 'too_many_attempts', {
        headers: { 'Retry-After': String(limited.retryAfterSeconds) },
      })
    const account = await signUp(db, body)
    if (!account.ok) return fail(c, authApi.signUp, account.error)
    await startSession(c, account.value)
    deps.logger.info({ userId: account.value.userId, workspaceId: account.value.workspaceId }, 'account created')
    return reply(c, authApi.signUp, await loadMe(db, account.value.userId, account.value.workspaceId))
  })

  route(app, authApi.logIn, async (c, { body }) => {
    const address = clientAddress(c, trusted)
    const ownAddressKey = loginKeys.emailAndAddress(body.email, address)
    // The address first: an address already refused must not spend the email's allowance.
    const limited = await throttled([
      [loginKeys.address(address), loginPerAddress],
      [ownAddressKey, loginPerEmailAndAddress],
    ])
    if (limited)
      return fail(c, authApi.logIn, 'too_many_attempts', {
        headers: { 'Retry-After': String(limited.retryAfterSeconds) },
      })
    const account = await logIn(db, body)
    if (!account.ok) {
      const failures = await consumeRateLimit(
        db,
        loginKeys.emailFailures(body.email),
        loginFailuresPerEmail,
        clock.now(),
      )
      const pause = failurePauseMs(failures.count)
      if (pause > 0) await deps.pause(pause)
      return fail(c, authApi.logIn, account.error)
    }
    await forgetAttempts(db, ownAddressKey)
    await startSession(c, account.value)
    return reply(c, authApi.logIn, await loadMe(db, account.value.userId, account.value.workspaceId))
  })

  route(app, authApi.logOut, async (c, { session }) => {
    if (session) await deleteSession(db, session.id)
    clearSessionCookie(c, deps.config)
    return reply(c, authApi.logOut, undefined)
  })

  route(app, authApi.getMe, async (c, { session }) =>
    reply(c, authApi.getMe, await loadMe(db, session.userId, session.workspaceId)),
  )

  return app
}
