import type { Hono } from 'hono'
import type { SimEnv } from '../http/sim-env'

/** One event subscription of an app (HubSpot: `{eventType, propertyName?, active}`). */
export interface WebhookSubscription {
  /** e.g. 'ticket.creation', 'ticket.propertyChange', 'company.deletion', 'contact.merge', 'ticket.associationChange'. */
  eventType: string
  /** propertyChange subscriptions match only this property. */
  propertyName?: string
  /** HubSpot creates subscriptions paused; only active ones produce events. */
  active: boolean
}

/** A stored subscription: HubSpot numbers them and stamps create/update times. */
export interface SubscriptionRecord extends WebhookSubscription {
  id: number
  createdAt: number
  updatedAt: number
}

export interface WebhookSettings {
  /** One target URL per app; null = webhooks not configured (nothing is sent). */
  targetUrl: string | null
  subscriptions: WebhookSubscription[]
  /** In-flight requests per installing portal. HubSpot default 10. */
  maxConcurrentRequests: number
}

/** What settingsFor/configure return: the settings with the stored subscriptions (ids included). */
export interface WebhookSettingsView extends WebhookSettings {
  subscriptions: SubscriptionRecord[]
}

export interface WebhookSenderOptions {
  /** How deliveries are sent (default global fetch); tests inject a recorder or the backend's in-process app. */
  fetch?: typeof fetch
  /**
   * Base of the retry schedule: retry n waits base × 2^(n-1) × [1, 1.5). HubSpot spreads 10 retries over ~24 h
   * (≈ base 84_000); the default 25 compresses the whole schedule to under a minute.
   */
  retryBaseMs?: number
  /** Real ms events gather before a batch is cut (default 50). A lane reaching 100 events is cut at once. */
  batchWindowMs?: number
  /** Per-attempt deadline in real ms; HubSpot's is 5 s (default). */
  timeoutMs?: number
  /** Probability in [0, 1] that an event is delivered twice (HubSpot: "duplicates possible"). Default 0. */
  duplicateRate?: number
  /** Shuffle events before they are cut into batches (HubSpot: "no ordering guarantee"). Default false. */
  shuffle?: boolean
}

/** HTTP status, or why no status arrived. */
export type DeliveryStatus = number | 'network' | 'timeout'

export interface DeliveryRecord {
  batchId: number
  appId: number
  portalId: number
  attemptNumber: number
  eventCount: number
  status: DeliveryStatus
  /** Simulator clock when the attempt was sent (same as X-HubSpot-Request-Timestamp). */
  at: number
}

/** The JSON HubSpot posts, one element per event. Ids are numbers on the wire. */
export interface HubSpotWebhookEvent {
  eventId: number
  subscriptionId: number
  portalId: number
  appId: number
  occurredAt: number
  subscriptionType: string
  attemptNumber: number
  objectId: number
  changeSource: string
  changeFlag?: 'NEW'
  propertyName?: string
  propertyValue?: string
  sourceId?: string
  primaryObjectId?: number
  mergedObjectIds?: number[]
  newObjectId?: number
  numberOfPropertiesMoved?: number
  associationType?: string
  fromObjectId?: number
  toObjectId?: number
  associationRemoved?: boolean
  isPrimaryAssociation?: boolean
}

export interface WebhookSender {
  settingsFor(appId: number): WebhookSettingsView
  /** `subscriptions`, when given, replace the app's list (each keeps its own `active`). */
  configure(appId: number, patch: Partial<WebhookSettings>): WebhookSettingsView
  /** Cuts every gathering batch now and resolves once nothing is queued, in flight or waiting to retry. */
  flush(): Promise<void>
  deliveries(): DeliveryRecord[]
  /** Back to "no webhooks configured": settings, queues, pending retries and the delivery log. Ids keep counting. */
  reset(): void
  /** Unsubscribes from the change feed and drops everything pending. */
  stop(): void
  /** HubSpot's /webhooks/v3 settings + subscriptions routes and the /_simulator/webhooks control routes. */
  registerRoutes(app: Hono<SimEnv>): void
}
