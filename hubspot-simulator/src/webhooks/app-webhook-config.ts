import type { SimClock } from '../clock'
import type { SubscriptionRecord, WebhookSettings, WebhookSettingsView, WebhookSubscription } from './webhook-types'

/** HubSpot caps an app at 1000 subscriptions (400 beyond). */
export const maxSubscriptionsPerApp = 1000
export const defaultMaxConcurrentRequests = 10

interface AppConfig {
  targetUrl: string | null
  maxConcurrentRequests: number
  subscriptions: SubscriptionRecord[]
  /** When the settings (target URL) were first / last written; null until then. */
  createdAt: number | null
  updatedAt: number | null
}

/** Per-app webhook settings and subscriptions, created on first touch. */
export interface AppWebhookConfigs {
  get(appId: number): Readonly<AppConfig>
  view(appId: number): WebhookSettingsView
  configure(appId: number, patch: Partial<WebhookSettings>): WebhookSettingsView
  /** Clears the target URL; subscriptions stay (HubSpot pauses them until a new target is set). */
  clearTarget(appId: number): void
  addSubscription(appId: number, subscription: WebhookSubscription): SubscriptionRecord
  findSubscription(appId: number, subscriptionId: number): SubscriptionRecord | undefined
  deleteSubscription(appId: number, subscriptionId: number): boolean
  clear(): void
}

export function createAppWebhookConfigs(clock: SimClock, firstSubscriptionId: number): AppWebhookConfigs {
  const configs = new Map<number, AppConfig>()
  // Never reset: a subscription id from before reset() can't name a newer subscription.
  let nextSubscriptionId = firstSubscriptionId

  const get = (appId: number): AppConfig => {
    let config = configs.get(appId)
    if (!config) {
      config = {
        targetUrl: null,
        maxConcurrentRequests: defaultMaxConcurrentRequests,
        subscriptions: [],
        createdAt: null,
        updatedAt: null,
      }
      configs.set(appId, config)
    }
    return config
  }

  const record = (subscription: WebhookSubscription): SubscriptionRecord => {
    const now = clock.now()
    return {
      id: nextSubscriptionId++,
      eventType: subscription.eventType,
      ...(subscription.propertyName === undefined ? {} : { propertyName: subscription.propertyName }),
      active: subscription.active,
      createdAt: now,
      updatedAt: now,
    }
  }

  const view = (appId: number): WebhookSettingsView => {
    const config = get(appId)
    return {
      targetUrl: config.targetUrl,
      maxConcurrentRequests: config.maxConcurrentRequests,
      subscriptions: config.subscriptions.map((subscription) => ({ ...subscription })),
    }
  }

  return {
    get,
    view,
    configure(appId, patch) {
      const config = get(appId)
      const now = clock.now()
      if (patch.targetUrl !== undefined) {
        config.targetUrl = patch.targetUrl
        config.createdAt ??= now
        config.updatedAt = now
      }
      if (patch.maxConcurrentRequests !== undefined) config.maxConcurrentRequests = patch.maxConcurrentRequests
      if (patch.subscriptions !== undefined) config.subscriptions = patch.subscriptions.map(record)
      return view(appId)
    },
    clearTarget(appId) {
      const config = get(appId)
      config.targetUrl = null
      config.createdAt = null
      config.updatedAt = null
    },
    addSubscription(appId, subscription) {
      const created = record(subscription)
      get(appId).subscriptions.push(created)
      return created
    },
    findSubscription: (appId, subscriptionId) =>
      get(appId).subscriptions.find((subscription) => subscription.id === subscriptionId),
    deleteSubscription(appId, subscriptionId) {
      const config = get(appId)
      const before = config.subscriptions.length
      config.subscriptions = config.subscriptions.filter((subscription) => subscription.id !== subscriptionId)
      return config.subscriptions.length < before
    },
    clear: () => configs.clear(),
  }
}
