/** The CRM object types the simulator stores (HubSpot's plural path names). */
export type CrmObjectType = 'tickets' | 'companies' | 'contacts' | 'deals' | 'tasks'

/**
 * One committed CRM write. Every write — control API or public API — publishes exactly one change per affected
 * object/property, after the store has been updated, so a listener reading the store sees the new state.
 * `changeSource` is "API" for public-API writes and "CRM_UI" for control writes (HubSpot's own values).
 */
export type CrmChange =
  | {
      kind: 'creation' | 'deletion' | 'restore'
      objectType: CrmObjectType
      portalId: number
      objectId: string
      occurredAt: number
      changeSource: string
    }
  | {
      kind: 'propertyChange'
      objectType: CrmObjectType
      portalId: number
      objectId: string
      propertyName: string
      propertyValue: string | null
      occurredAt: number
      changeSource: string
    }
  | {
      kind: 'merge'
      objectType: CrmObjectType
      portalId: number
      primaryObjectId: string
      mergedObjectIds: string[]
      newObjectId: string
      occurredAt: number
      changeSource: string
    }
  | {
      kind: 'associationChange'
      objectType: CrmObjectType
      portalId: number
      fromObjectId: string
      toObjectId: string
      associationType: string
      associationRemoved: boolean
      occurredAt: number
      changeSource: string
    }

export interface ChangeFeed {
  publish(change: CrmChange): void
  /** Returns the unsubscribe function. */
  subscribe(listener: (change: CrmChange) => void): () => void
}

/** A synchronous in-memory pub/sub: listeners run inside publish(), in subscription order. */
export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<(change: CrmChange) => void>()
  return {
    publish(change) {
      // Copy so a listener that unsubscribes (or subscribes) while being notified doesn't disturb this round.
      for (const listener of [...listeners]) {
        try {
          listener(change)
        } catch (error) {
          // One broken listener (e.g. the webhook sender) must not fail the write that published the change.
          console.error('hubspot-simulator: change-feed listener failed', error)
        }
      }
    },
    subscribe(listener) {
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry = (change: CrmChange): void => listener(change)
      listeners.add(entry)
      return () => {
        listeners.delete(entry)
      }
    },
  }
}
