import type { Hono } from 'hono'
import type { ChangeFeed } from '../crm/change-feed'
import type { SimEnv } from '../http/sim-env'
import type { SimState } from '../state/sim-state'
import { createAppWebhookConfigs } from './app-webhook-config'
import { buildEvent } from './build-event'
import { registerWebhookControlRoutes } from './control-routes'
import { createDeliveryQueue } from './delivery-queue'
import { matchSubscriptions } from './match-subscriptions'
import { registerWebhookSettingsRoutes } from './settings-routes'
import type { WebhookRouteDeps } from './webhook-route-deps'
import type { WebhookSender, WebhookSenderOptions } from './webhook-types'

export interface WebhookSenderDeps {
  state: SimState
  /** Usually `state.changes`; tests pass their own feed and publish changes directly. */
  feed: ChangeFeed
  options?: WebhookSenderOptions
}

/**
 * HubSpot's webhook delivery: every change on the feed becomes one event per matching subscription
 * (see matchSubscriptions), posted in signed batches of ≤100 per (app, portal) and retried like HubSpot.
 * @example
 * const sender = createWebhookSender({ state, feed: state.changes, options: { fetch: backend.request } })
 * sender.configure(appId, { targetUrl: 'http://localhost:3000/api/v1/webhooks/hubspot', subscriptions: [{ eventType: 'ticket.creation', active: true }] })
 */
export function createWebhookSender(deps: WebhookSenderDeps): WebhookSender {
  const { state, feed, options = {} } = deps
  const duplicateRate = options.duplicateRate ?? 0
  if (duplicateRate < 0 || duplicateRate > 1)
    throw new RangeError(`duplicateRate must be within [0, 1], got ${duplicateRate}`)

  // Seeded starting points, then counting up: ids look like HubSpot's and two runs with one seed match.
  const configs = createAppWebhookConfigs(
    state.clock,
    state.random.fixedInt('webhooks:first-subscription-id', 100_000, 999_999),
  )
  let nextEventId = state.random.fixedInt('webhooks:first-event-id', 1_000_000_000, 3_999_999_999)
  const queue = createDeliveryQueue(state, configs, {
    // Late-bound so a test that stubs globalThis.fetch after creation is still honoured.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    retryBaseMs: options.retryBaseMs ?? 25,
    batchWindowMs: options.batchWindowMs ?? 50,
    timeoutMs: options.timeoutMs ?? 5_000,
    duplicateRate,
    shuffle: options.shuffle ?? false,
  })

  const unsubscribe = feed.subscribe((change) => {
    for (const match of matchSubscriptions(state, configs, change)) {
      queue.enqueue(
        buildEvent(change, { eventId: nextEventId++, subscriptionId: match.subscription.id, appId: match.app.appId }),
      )
    }
  })

  const routeDeps: WebhookRouteDeps = {
    state,
    configs,
    queue,
    configure(appId, patch) {
      const view = configs.configure(appId, patch)
      // A raised concurrency cap should take effect on batches already waiting.
      queue.pumpAll()
      return view
    },
  }

  return {
    settingsFor: (appId) => configs.view(appId),
    configure: routeDeps.configure,
    flush: () => queue.flush(),
    deliveries: () => queue.deliveries(),
    reset() {
      queue.clear()
      queue.clearLog()
      configs.clear()
    },
    stop() {
      unsubscribe()
      queue.clear()
    },
    registerRoutes(app: Hono<SimEnv>) {
      registerWebhookSettingsRoutes(app, routeDeps)
      registerWebhookControlRoutes(app, routeDeps)
    },
  }
}
