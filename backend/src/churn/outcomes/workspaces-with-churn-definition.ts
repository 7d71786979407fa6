import type { Queryable } from '../../db/database'
import { churnDefinitions } from '../../db/schema'

/** Workspaces that chose what churn means: the ones whose model can be tested. */
export async function workspacesWithChurnDefinition(db: Queryable): Promise<string[]> {
  const rows = await db.select({ id: churnDefinitions.workspaceId }).from(churnDefinitions)
  return rows.map((r) => r.id)
}
