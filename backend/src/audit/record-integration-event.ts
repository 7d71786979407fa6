import type { IntegrationReasonCode } from '@churnlens/contracts'
import type { Queryable } from '../db/database'
import { integrationEvents } from '../db/schema'

export type IntegrationEventType =
  | 'connected'
  | 'reconnected'
  | 'disconnected'
  | 'degraded'
  | 'recovered'
  | 'needs_reauth'
  | 'api_key_connected'
  | 'keys_rotated'

export interface IntegrationEventInput {
  integrationId: string
  workspaceId: string
  type: IntegrationEventType
  fromStatus?: string | null
  toStatus?: string | null
  /** `user:<id>` for a person, `system` for background work. */
  actor: string
  errorCode?: IntegrationReasonCode | null
  detail?: Record<string, unknown>
}

/** Audit events never carry a token: callers pass only ids, statuses, codes and counts. */
export async function recordIntegrationEvent(db: Queryable, event: IntegrationEventInput): Promise<void> {
  await db.insert(integrationEvents).values({
    integrationId: event.integrationId,
    workspaceId: event.workspaceId,
    type: event.type,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    actor: event.actor,
    errorCode: event.errorCode ?? null,
    detail: event.detail ?? {},
  })
}
