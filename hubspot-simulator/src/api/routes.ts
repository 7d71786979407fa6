import type { Hono } from 'hono'
import { registerCrmRoutes } from '../crm/api/register-crm-routes'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { registerAccountInfo } from './account-info'
import { registerPrivateAppTokenInfo } from './private-app-token-info'

/** api.hubapi.com routes behind bearer auth. CRM feature folders register here too. */
export function registerApiRoutes(app: Hono<SimEnv>, state: SimState): void {
  registerAccountInfo(app, state)
  registerPrivateAppTokenInfo(app, state)
  registerCrmRoutes(app, state)
}
