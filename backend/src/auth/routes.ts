import { loginBodySchema, signupBodySchema } from '@churnlens/contracts'
import type { Me } from '@churnlens/contracts'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { apiError } from '../http/api-error'
import { clientAddress } from '../http/client-address'
import { parseJsonBody } from '../http/parse-json-body'
import { consumeRateLimit } from './consume-rate-limit'
import { requireSession, sessionOf } from './load-session'
import { logIn } from './log-in'
import { clearSessionCookie, writeSessionCookie } from './session-cookie'
import { createSession, deleteSession } from './sessions'
import type { NewAccount } from './sign-up'
import { signUp } from './sign-up'

const FIFTEEN_MINUTES = 15 * 60 * 1000
const loginPerEmail = { limit: 10, windowMs: FIFTEEN_MINUTES }
const loginPerAddress = { limit: 50, windowMs: FIFTEEN_MINUTES }
const signupPerAddress = { limit: 20, windowMs: 60 * 60 * 1000 }

const toMe = (account: NewAccount): Me => ({
  user: { id: account.userId, email: account.email },
  workspace: { id: account.workspaceId, name: account.workspaceName },
})

export function authRoutes(deps: AppDeps) {
  const { db, clock } = deps

  async function throttled(c: Context, keys: [string, { limit: number; windowMs: number }][]) {
    for (const [key, rule] of keys) {
      const result = await consumeRateLimit(db, key, rule, clock.now())
      if (!result.allowed) return apiError(c, 'too_many_attempts', { headers: { 'Retry-After': String(result.retryAfterSeconds) } })
    }
    return null
  }

  async function startSession(c: Context, account: NewAccount) {
    const token = await createSession(db, { userId: account.userId, workspaceId: account.workspaceId, now: clock.now() })
    await writeSessionCookie(c, deps.config, deps.sessionSecret, token)
  }

  return new Hono<AppEnv>()
    .post('/signup', async (c) => {
      const body = await parseJsonBody(c, signupBodySchema)
      if (!body.ok) return apiError(c, body.error.code, { ...(body.error.issues ? { issues: body.error.issues } : {}) })
      const limited = await throttled(c, [[`signup:ip:${clientAddress(c, deps.config.trustProxy)}`, signupPerAddress]])
      if (limited) return limited
      const account = await signUp(db, body.value)
      if (!account.ok) return apiError(c, account.error)
      await startSession(c, account.value)
      deps.logger.info({ userId: account.value.userId, workspaceId: account.value.workspaceId }, 'account created')
      return c.json(toMe(account.value), 201)
    })
    .post('/login', async (c) => {
      const body = await parseJsonBody(c, loginBodySchema)
      if (!body.ok) return apiError(c, body.error.code, { ...(body.error.issues ? { issues: body.error.issues } : {}) })
      const limited = await throttled(c, [
        [`login:email:${body.value.email}`, loginPerEmail],
        [`login:ip:${clientAddress(c, deps.config.trustProxy)}`, loginPerAddress],
      ])
      if (limited) return limited
      const account = await logIn(db, body.value)
      if (!account.ok) return apiError(c, account.error)
      await startSession(c, account.value)
      return c.json(toMe(account.value), 200)
    })
    .post('/logout', async (c) => {
      const session = c.get('session')
      if (session) await deleteSession(db, session.id)
      clearSessionCookie(c, deps.config)
      return c.body(null, 204)
    })
}

export function meRoutes() {
  return new Hono<AppEnv>().get('/', requireSession, (c) => {
    const session = sessionOf(c)
    const me: Me = { user: { id: session.userId, email: session.email }, workspace: { id: session.workspaceId, name: session.workspaceName } }
    return c.json(me)
  })
}
