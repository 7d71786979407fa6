import type { CrmChange, CrmObjectType } from '../crm/change-feed'

const crmActions = ['creation', 'deletion', 'propertyChange', 'associationChange', 'merge', 'restore'] as const

/** Every eventType HubSpot's v3 subscriptions API accepts (SPEC/webhooks `SubscriptionCreateRequest.eventType`). */
export const webhookEventTypes: readonly string[] = [
  ...['contact', 'company', 'deal', 'ticket', 'line_item', 'object'].flatMap((object) =>
    crmActions.map((action) => `${object}.${action}`),
  ),
  // Products have no associationChange in HubSpot's enum.
  ...crmActions.filter((action) => action !== 'associationChange').map((action) => `product.${action}`),
  'contact.privacyDeletion',
  'conversation.creation',
  'conversation.deletion',
  'conversation.newMessage',
  'conversation.privacyDeletion',
  'conversation.propertyChange',
  'event.completed',
]

/** HubSpot refuses propertyChange subscriptions on these (they change on every write). */
export const unsubscribableProperties: readonly string[] = ['hs_lastmodifieddate', 'num_unique_conversion_events']

/**
 * There is no `webhooks` OAuth scope: an install only receives an object's events when it was granted that
 * object's read scope (facts §4). Unlisted prefixes (object.*, event.*) need nothing we model.
 */
const readScopeByObject: Record<string, string> = {
  contact: 'crm.objects.contacts.read',
  company: 'crm.objects.companies.read',
  deal: 'crm.objects.deals.read',
  ticket: 'tickets',
  product: 'e-commerce',
  line_item: 'e-commerce',
  conversation: 'conversations.read',
}

export function requiredScopeFor(eventType: string): string | undefined {
  return readScopeByObject[eventType.split('.')[0] ?? '']
}

const singular: Record<CrmObjectType, string> = {
  tickets: 'ticket',
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  tasks: 'task',
}

/** `ticket.propertyChange` for a propertyChange on a ticket. */
export function subscriptionTypeOf(change: CrmChange): string {
  return `${singular[change.objectType]}.${change.kind}`
}
