import type { Hono } from 'hono'
import { readForm } from '../http/read-form'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { authenticateClient } from './authenticate-client'
import { oauthError } from './errors'

const revokePaths = ['/oauth/v3/token/revoke', '/oauth/2026-03/token/revoke', '/oauth/2026-09/token/revoke']

/**
 * RFC 7009 revocation: 200 with an empty body, also for unknown tokens. A revoked refresh token dies
 * but access tokens already issued from it live until expiry, as HubSpot documents for the v1 DELETE.
 * Revoking an access token kills only that access token (HubSpot leaves this undocumented).
 */
export function registerRevoke(app: Hono<SimEnv>, state: SimState): void {
  for (const path of revokePaths) {
    app.post(path, async (c) => {
      const form = await readForm(c, { allowQuery: false })
      if (!form.ok) return oauthError(c, { code: form.error })
      const client = authenticateClient(state, form.value.client_id, form.value.client_secret)
      if (!client.ok) return oauthError(c, client.error)

      const token = form.value.token ?? ''
      const refresh = state.refreshTokens.get(token)
      if (refresh?.clientId === client.value.clientId) refresh.revoked = true
      const access = state.accessTokens.get(token)
      if (access?.appId === client.value.appId) access.revoked = true
      return c.body(null, 200)
    })
  }
}
