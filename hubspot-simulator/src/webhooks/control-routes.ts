import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'
import { controlPrefix } from '../request-log'
import { parseWebhookBody } from './parse-webhook-body'
import { controlConfigureSchema } from './schemas'
import type { WebhookRouteDeps } from './webhook-route-deps'
import { resolveAppId } from './webhook-route-deps'

/** /_simulator/webhooks: configure an app in one call, read the delivery log, and flush (e2e and manual runs). */
export function registerWebhookControlRoutes(app: Hono<SimEnv>, deps: WebhookRouteDeps): void {
  const p = `${controlPrefix}/webhooks`

  // Before `/:appId`, so "deliveries" is never read as an app id.
  app.get(`${p}/deliveries`, (c) => {
    const deliveries = deps.queue.deliveries()
    return c.json({ total: deliveries.length, deliveries })
  })

  app.post(`${p}/flush`, async (c) => {
    await deps.queue.flush()
    return c.json({ flushed: true, deliveries: deps.queue.deliveries().length })
  })

  app.get(`${p}/:appId`, (c) => {
    const appId = resolveAppId(c, deps.state, c.req.param('appId'))
    if (!appId.ok) return appId.error
    return c.json(deps.configs.view(appId.value))
  })

  app.put(`${p}/:appId`, async (c) => {
    const appId = resolveAppId(c, deps.state, c.req.param('appId'))
    if (!appId.ok) return appId.error
    const body = await parseWebhookBody(c, controlConfigureSchema)
    if (!body.ok) return body.error
    const { targetUrl, subscriptions, maxConcurrentRequests } = body.value
    return c.json(
      deps.configure(appId.value, {
        targetUrl,
        subscriptions: subscriptions.map(({ eventType, propertyName, active }) => ({
          eventType,
          ...(propertyName !== undefined && eventType.endsWith('.propertyChange') ? { propertyName } : {}),
          active,
        })),
        ...(maxConcurrentRequests === undefined ? {} : { maxConcurrentRequests }),
      }),
    )
  })
}
