import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { registerAuthorizeDecision } from './authorize-decision'
import { registerAuthorizePage } from './authorize-page'
import { registerInstallLink } from './install-link'
import { registerIntrospect } from './introspect'
import { registerRevoke } from './revoke'
import { registerTokenEndpoint } from './token-endpoint'
import { registerUninstall } from './uninstall'
import { registerV1Metadata } from './v1-metadata'

export function registerOAuthRoutes(app: Hono<SimEnv>, state: SimState): void {
  registerAuthorizePage(app, state)
  registerInstallLink(app, state)
  registerAuthorizeDecision(app, state)
  registerTokenEndpoint(app, state)
  registerIntrospect(app, state)
  registerRevoke(app, state)
  registerV1Metadata(app, state)
  registerUninstall(app, state)
}
