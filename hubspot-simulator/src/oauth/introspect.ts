import type { Hono } from 'hono'
import type { FormParams } from '../http/read-form'
import { readForm } from '../http/read-form'
import type { SimEnv } from '../http/sim-env'
import type { SimApp } from '../state/apps'
import { resolveAccessToken, resolveRefreshToken } from '../state/resolve-token'
import type { SimState } from '../state/sim-state'
import { authenticateClient } from './authenticate-client'
import { oauthError } from './errors'
import { accessTokenInfo, refreshTokenInfo } from './token-info'

const introspectPaths = [
  '/oauth/v3/token/introspect',
  '/oauth/2026-03/token/introspect',
  '/oauth/2026-09/token/introspect',
]

/** Token introspection. Anything not live (unknown, expired, revoked, another app's) is `{"active":false}` with 200. */
export function registerIntrospect(app: Hono<SimEnv>, state: SimState): void {
  for (const path of introspectPaths) {
    app.post(path, async (c) => {
      const form = await readForm(c, { allowQuery: false })
      if (!form.ok) return oauthError(c, { code: form.error })
      const client = authenticateClient(state, form.value.client_id, form.value.client_secret)
      if (!client.ok) return oauthError(c, client.error)
      return c.json(introspect(state, client.value, form.value))
    })
  }
}

function introspect(state: SimState, app: SimApp, form: FormParams): object {
  const token = form.token ?? ''
  const order = form.token_type_hint === 'refresh_token' ? [asRefresh, asAccess] : [asAccess, asRefresh]
  for (const lookup of order) {
    const info = lookup(state, app, token)
    if (info) return info
  }
  return { active: false }
}

function asAccess(state: SimState, app: SimApp, token: string): object | undefined {
  const resolved = resolveAccessToken(state, token)
  if (resolved.status !== 'live' || resolved.install.appId !== app.appId) return undefined
  const { token: value, app_id, ...info } = accessTokenInfo(state, resolved.record, resolved.install, 'introspect')
  return { active: true, token_use: 'access_token', token: value, app_id, client_id: app.clientId, ...info }
}

function asRefresh(state: SimState, app: SimApp, token: string): object | undefined {
  const resolved = resolveRefreshToken(state, token)
  if (!resolved || resolved.record.clientId !== app.clientId) return undefined
  const { token: value, client_id, ...info } = refreshTokenInfo(state, resolved.record, resolved.install)
  return { active: true, token_use: 'refresh_token', token: value, app_id: app.appId, client_id, ...info }
}
