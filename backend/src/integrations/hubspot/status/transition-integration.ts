import type { IntegrationReasonCode, IntegrationStatus } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { IntegrationEventType } from '../../../audit/record-integration-event'
import { recordIntegrationEvent } from '../../../audit/record-integration-event'
import type { Transaction } from '../../../db/database'
import { integrations } from '../../../db/schema'
import type { IntegrationRow } from '../integration-row'

/**
 * The connection's state machine. `degraded` is transient and retried with backoff;
 * `needs_reauth` is terminal until a person reconnects; only a reconnect leaves it.
 */
const allowed: Record<IntegrationStatus, readonly IntegrationStatus[]> = {
  pending: ['connected', 'disconnected'],
  connected: ['degraded', 'needs_reauth', 'disconnected', 'connected'],
  degraded: ['connected', 'needs_reauth', 'disconnected'],
  needs_reauth: ['connected', 'disconnected'],
  disconnected: ['connected'],
}

export function canTransition(from: IntegrationStatus, to: IntegrationStatus): boolean {
  return allowed[from].includes(to)
}

/** The audit event type a transition is recorded as. */
export function transitionEventType(from: IntegrationStatus, to: IntegrationStatus): IntegrationEventType {
  if (to === 'connected') return from === 'degraded' ? 'recovered' : 'reconnected'
  if (to === 'pending') throw new Error('nothing transitions back to pending')
  return to
}

export interface TransitionInput {
  to: IntegrationStatus
  actor: string
  errorCode?: IntegrationReasonCode | null
  detail?: Record<string, unknown>
  /** Other columns written in the same UPDATE. */
  set?: Partial<typeof integrations.$inferInsert>
  now: Date
}

/**
 * Moves a locked row to a new status and records the transition; a same-status write only
 * updates the row (a second failure while degraded is not a new event in the timeline).
 */
export async function transitionIntegration(
  tx: Transaction,
  row: IntegrationRow,
  input: TransitionInput,
): Promise<IntegrationRow> {
  if (row.status !== input.to && !canTransition(row.status, input.to)) {
    throw new Error(`illegal integration transition ${row.status} → ${input.to}`)
  }
  const [updated] = await tx
    .update(integrations)
    .set({ ...input.set, status: input.to, lastErrorCode: input.errorCode ?? null, updatedAt: input.now })
    .where(eq(integrations.id, row.id))
    .returning()
  if (!updated) throw new Error(`integration ${row.id} vanished`)
  if (row.status !== input.to) {
    await recordIntegrationEvent(tx, {
      integrationId: row.id,
      workspaceId: row.workspaceId,
      type: transitionEventType(row.status, input.to),
      fromStatus: row.status,
      toStatus: input.to,
      actor: input.actor,
      errorCode: input.errorCode ?? null,
      ...(input.detail ? { detail: input.detail } : {}),
    })
  }
  return updated
}
