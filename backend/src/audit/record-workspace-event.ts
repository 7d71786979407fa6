import type { Queryable } from '../db/database'
import { workspaceEvents } from '../db/schema'

export type WorkspaceEventType =
  | 'churn.definition_set'
  | 'churn.outcomes_uploaded'
  | 'churn.weights_learned_adopted'
  | 'churn.weights_learned_withdrawn'
  | 'churn.weights_switched'
  | 'members.invited'
  | 'members.invitation_resent'
  | 'members.invitation_revoked'
  | 'members.joined'
  | 'members.role_changed'
  | 'members.removed'
  | 'revenue.settings_set'

/** One entry in the workspace's audit trail; `actorUserId` null means Churnlens itself acted. */
export async function recordWorkspaceEvent(
  db: Queryable,
  event: {
    workspaceId: string
    type: WorkspaceEventType
    actorUserId: string | null
    detail?: Record<string, unknown>
  },
): Promise<void> {
  await db.insert(workspaceEvents).values({
    workspaceId: event.workspaceId,
    type: event.type,
    actorUserId: event.actorUserId,
    detail: event.detail ?? {},
  })
}
