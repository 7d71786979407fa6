/** The simulator's webhook sender: HubSpot's delivery of CRM change events to an app's target URL. */
export { createWebhookSender } from './create-webhook-sender'
export type { WebhookSenderDeps } from './create-webhook-sender'
export { signatureV1, signatureV3, webhookUserAgent } from './sign-delivery'
export type {
  DeliveryRecord,
  DeliveryStatus,
  HubSpotWebhookEvent,
  SubscriptionRecord,
  WebhookSender,
  WebhookSenderOptions,
  WebhookSettings,
  WebhookSettingsView,
  WebhookSubscription,
} from './webhook-types'
