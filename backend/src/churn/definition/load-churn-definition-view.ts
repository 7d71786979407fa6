import type { ChurnDefinitionView } from '@churnlens/contracts'
import { roleCan } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { SessionInfo } from '../../app-deps'
import type { Database } from '../../db/database'
import { churnDefinitions } from '../../db/schema'
import { loadChurnOutcomes } from '../outcomes/load-churn-outcomes'
import { countOutcomes } from './count-outcomes'

/** The workspace's definition as the settings page shows it: the choice, where its outcomes stand, their counts. */
export async function loadChurnDefinitionView(
  db: Database,
  session: Pick<SessionInfo, 'workspaceId' | 'role'>,
  now: Date,
): Promise<ChurnDefinitionView> {
  const [row] = await db.select().from(churnDefinitions).where(eq(churnDefinitions.workspaceId, session.workspaceId))
  const outcomes = row?.outcomesRefreshedAt ? await loadChurnOutcomes(db, session.workspaceId) : null
  return {
    definition: row?.definition ?? null,
    setAt: row?.setAt.toISOString() ?? null,
    outcomes: {
      status: row?.outcomesStatus ?? null,
      refreshedAt: row?.outcomesRefreshedAt?.toISOString() ?? null,
      error: row?.outcomesError ?? null,
      counts: outcomes ? countOutcomes(outcomes.outcomes, now) : null,
    },
    viewer: { canChange: roleCan(session.role, 'churn:configure') },
  }
}
