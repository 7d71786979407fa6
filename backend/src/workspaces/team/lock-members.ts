import { eq } from 'drizzle-orm'
import type { Transaction } from '../../db/database'
import { workspaceMembers } from '../../db/schema'

/**
 * The workspace's memberships, locked until the transaction ends: two owners demoting each other
 * at the same moment must not both see "another owner remains".
 */
export async function lockMembers(tx: Transaction, workspaceId: string) {
  return tx
    .select({ userId: workspaceMembers.userId, role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .for('update')
}
