import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { receiveWebhooks } from './receive-webhooks'

/** HubSpot calls this without a session: the signature is the authentication. */
export function webhookRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post('/', (c) => receiveWebhooks(deps, c))
}
