import type { Context } from 'hono'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'
import type { Result } from '../result'
import { err, ok } from '../result'
import type { SimState } from '../state/sim-state'
import type { AppWebhookConfigs } from './app-webhook-config'
import type { DeliveryQueue } from './delivery-queue'
import { appIdParamSchema } from './schemas'
import type { WebhookSettings, WebhookSettingsView } from './webhook-types'

/** What the route files need from the sender. */
export interface WebhookRouteDeps {
  state: SimState
  configs: AppWebhookConfigs
  queue: DeliveryQueue
  configure(appId: number, patch: Partial<WebhookSettings>): WebhookSettingsView
}

/** The `{appId}` path segment, which must name a simulated app. */
export function resolveAppId(c: Context<SimEnv>, state: SimState, raw: string | undefined): Result<number, Response> {
  const appId = appIdParamSchema.safeParse(raw)
  if (appId.success && state.apps.some((app) => app.appId === appId.data)) return ok(appId.data)
  return err(hubspotError(c, 404, { message: `App ${raw ?? ''} not found`, category: 'OBJECT_NOT_FOUND' }))
}
