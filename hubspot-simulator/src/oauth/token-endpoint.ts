import type { Hono } from 'hono'
import { readForm } from '../http/read-form'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { oauthError } from './errors'
import { exchangeCode } from './exchange-code'
import { refreshGrant } from './refresh-grant'

/** v1 is deprecated (sunset 2027-02-16) but still what @hubspot/api-client calls; the rest are body-only. */
const tokenPaths = ['/oauth/v1/token', '/oauth/v3/token', '/oauth/2026-03/token', '/oauth/2026-09/token']

export function registerTokenEndpoint(app: Hono<SimEnv>, state: SimState): void {
  for (const path of tokenPaths) {
    app.post(path, async (c) => {
      const form = await readForm(c, { allowQuery: path === '/oauth/v1/token' })
      if (!form.ok) return oauthError(c, { code: form.error })

      const grantType = form.value.grant_type
      const endpoint = path === '/oauth/v1/token' ? 'v1' : 'current'
      const result =
        grantType === 'authorization_code'
          ? exchangeCode(state, form.value, endpoint)
          : grantType === 'refresh_token'
            ? refreshGrant(state, form.value, endpoint)
            : undefined
      if (!result) return oauthError(c, { code: 'BAD_GRANT_TYPE' })
      if (!result.ok) return oauthError(c, result.error)
      return c.json(result.value)
    })
  }
}
