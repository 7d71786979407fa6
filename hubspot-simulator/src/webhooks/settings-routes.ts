import type { Context, Hono } from 'hono'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'
import type { Result } from '../result'
import { err } from '../result'
import { maxSubscriptionsPerApp } from './app-webhook-config'
import { parseWebhookBody } from './parse-webhook-body'
import { settingsPutSchema, subscriptionCreateSchema, subscriptionPatchSchema } from './schemas'
import type { WebhookRouteDeps } from './webhook-route-deps'
import { resolveAppId } from './webhook-route-deps'
import type { SubscriptionRecord } from './webhook-types'

const iso = (ms: number): string => new Date(ms).toISOString()

/** SPEC/webhooks SubscriptionResponse: ids are strings on the wire, times ISO. */
function subscriptionBody(subscription: SubscriptionRecord) {
  return {
    id: String(subscription.id),
    eventType: subscription.eventType,
    ...(subscription.propertyName === undefined ? {} : { propertyName: subscription.propertyName }),
    active: subscription.active,
    createdAt: iso(subscription.createdAt),
    updatedAt: iso(subscription.updatedAt),
  }
}

/**
 * HubSpot's legacy Webhooks API v3 (settings and subscriptions). It is called with the developer API key
 * (`?hapikey=`), not an install token; the simulator accepts any non-empty key.
 */
export function registerWebhookSettingsRoutes(app: Hono<SimEnv>, deps: WebhookRouteDeps): void {
  const { configs } = deps
  const authorize = (c: Context<SimEnv>, rawAppId: string | undefined): Result<number, Response> => {
    if (!c.req.query('hapikey')) {
      return err(
        hubspotError(c, 401, {
          message:
            'Authentication credentials not found. This API supports developer API key authentication: pass your key as ?hapikey=',
          category: 'INVALID_AUTHENTICATION',
        }),
      )
    }
    return resolveAppId(c, deps.state, rawAppId)
  }
  const notFound = (c: Context<SimEnv>, what: string): Response =>
    hubspotError(c, 404, { message: `${what} not found`, category: 'OBJECT_NOT_FOUND' })

  const settingsBody = (appId: number) => {
    const config = configs.get(appId)
    return {
      targetUrl: config.targetUrl,
      throttling: { maxConcurrentRequests: config.maxConcurrentRequests },
      createdAt: iso(config.createdAt ?? deps.state.clock.now()),
      updatedAt: iso(config.updatedAt ?? deps.state.clock.now()),
    }
  }

  app.get('/webhooks/v3/:appId/settings', (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    if (configs.get(appId.value).targetUrl === null) return notFound(c, `Webhook settings for app ${appId.value}`)
    return c.json(settingsBody(appId.value))
  })

  app.put('/webhooks/v3/:appId/settings', async (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    const body = await parseWebhookBody(c, settingsPutSchema)
    if (!body.ok) return body.error
    deps.configure(appId.value, {
      targetUrl: body.value.targetUrl,
      maxConcurrentRequests: body.value.throttling.maxConcurrentRequests,
    })
    return c.json(settingsBody(appId.value))
  })

  app.delete('/webhooks/v3/:appId/settings', (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    configs.clearTarget(appId.value)
    return c.body(null, 204)
  })

  app.get('/webhooks/v3/:appId/subscriptions', (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    return c.json({ results: configs.get(appId.value).subscriptions.map(subscriptionBody) })
  })

  app.post('/webhooks/v3/:appId/subscriptions', async (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    const body = await parseWebhookBody(c, subscriptionCreateSchema)
    if (!body.ok) return body.error
    if (configs.get(appId.value).subscriptions.length >= maxSubscriptionsPerApp) {
      return hubspotError(c, 400, {
        message: `An app can have at most ${maxSubscriptionsPerApp} subscriptions`,
        category: 'VALIDATION_ERROR',
      })
    }
    const { eventType, propertyName, active } = body.value
    const created = configs.addSubscription(appId.value, {
      eventType,
      ...(propertyName !== undefined && eventType.endsWith('.propertyChange') ? { propertyName } : {}),
      active,
    })
    return c.json(subscriptionBody(created), 201)
  })

  app.get('/webhooks/v3/:appId/subscriptions/:subscriptionId', (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    const subscription = configs.findSubscription(appId.value, Number(c.req.param('subscriptionId')))
    return subscription
      ? c.json(subscriptionBody(subscription))
      : notFound(c, `Subscription ${c.req.param('subscriptionId')}`)
  })

  app.patch('/webhooks/v3/:appId/subscriptions/:subscriptionId', async (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    const body = await parseWebhookBody(c, subscriptionPatchSchema)
    if (!body.ok) return body.error
    const subscription = configs.findSubscription(appId.value, Number(c.req.param('subscriptionId')))
    if (!subscription) return notFound(c, `Subscription ${c.req.param('subscriptionId')}`)
    if (body.value.active !== undefined) subscription.active = body.value.active
    subscription.updatedAt = deps.state.clock.now()
    return c.json(subscriptionBody(subscription))
  })

  app.delete('/webhooks/v3/:appId/subscriptions/:subscriptionId', (c) => {
    const appId = authorize(c, c.req.param('appId'))
    if (!appId.ok) return appId.error
    const deleted = configs.deleteSubscription(appId.value, Number(c.req.param('subscriptionId')))
    return deleted ? c.body(null, 204) : notFound(c, `Subscription ${c.req.param('subscriptionId')}`)
  })
}
