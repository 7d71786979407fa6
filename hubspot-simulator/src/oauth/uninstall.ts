import type { Hono } from 'hono'
import { bearerAuth } from '../api/bearer-auth'
import { requireScopes } from '../api/require-scopes'
import type { SimEnv } from '../http/sim-env'
import { installKey } from '../state/installs'
import type { SimState } from '../state/sim-state'

/**
 * The app uninstalls itself from the portal its bearer token belongs to. Deleting the install kills
 * every access and refresh token issued under it.
 */
export function registerUninstall(app: Hono<SimEnv>, state: SimState): void {
  for (const path of ['/appinstalls/v3/external-install', '/appinstalls/2026-03/external-install']) {
    app.delete(path, bearerAuth(state), requireScopes(['oauth']), (c) => {
      const auth = c.get('auth')
      if (auth.appId !== null) state.installs.delete(installKey(auth.appId, auth.portalId))
      return c.body(null, 204)
    })
  }
}
