import type { CrmChange } from '../crm/change-feed'
import { subscriptionTypeOf } from './event-types'
import type { HubSpotWebhookEvent } from './webhook-types'

export interface EventIdentity {
  eventId: number
  subscriptionId: number
  appId: number
}

/**
 * One change as HubSpot would post it to one subscription. attemptNumber starts at 0 and is rewritten per attempt.
 * Choices where the change feed carries less than HubSpot sends: no `sourceId`, `numberOfPropertiesMoved` 0,
 * `isPrimaryAssociation` false; a cleared property arrives as `propertyValue: ""`; objectId of a merge is the
 * surviving record (`newObjectId`) and of an association change its `fromObjectId`.
 */
export function buildEvent(change: CrmChange, identity: EventIdentity): HubSpotWebhookEvent {
  const base = {
    eventId: identity.eventId,
    subscriptionId: identity.subscriptionId,
    portalId: change.portalId,
    appId: identity.appId,
    occurredAt: change.occurredAt,
    subscriptionType: subscriptionTypeOf(change),
    attemptNumber: 0,
  }
  switch (change.kind) {
    case 'creation':
      return { ...base, objectId: Number(change.objectId), changeSource: change.changeSource, changeFlag: 'NEW' }
    case 'deletion':
    case 'restore':
      return { ...base, objectId: Number(change.objectId), changeSource: change.changeSource }
    case 'propertyChange':
      return {
        ...base,
        objectId: Number(change.objectId),
        propertyName: change.propertyName,
        propertyValue: change.propertyValue ?? '',
        changeSource: change.changeSource,
      }
    case 'merge':
      return {
        ...base,
        objectId: Number(change.newObjectId),
        changeSource: change.changeSource,
        primaryObjectId: Number(change.primaryObjectId),
        mergedObjectIds: change.mergedObjectIds.map(Number),
        newObjectId: Number(change.newObjectId),
        numberOfPropertiesMoved: 0,
      }
    case 'associationChange':
      return {
        ...base,
        objectId: Number(change.fromObjectId),
        changeSource: change.changeSource,
        // The store may name types `ticket_to_company` (v3 style); webhooks use TICKET_TO_COMPANY.
        associationType: change.associationType.toUpperCase(),
        fromObjectId: Number(change.fromObjectId),
        toObjectId: Number(change.toObjectId),
        associationRemoved: change.associationRemoved,
        isPrimaryAssociation: false,
      }
  }
}
