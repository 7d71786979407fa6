import type { RevenueSettingsView } from '@churnlens/contracts'
import { roleCan } from '@churnlens/contracts'
import type { SessionInfo } from '../app-deps'
import type { Database } from '../db/database'
import { loadRevenueSettings } from './load-revenue-settings'

/** The workspace's revenue and renewal sources as the settings page shows them, with where applying them stands. */
export async function loadRevenueView(
  db: Database,
  session: Pick<SessionInfo, 'workspaceId' | 'role'>,
): Promise<RevenueSettingsView> {
  const { settings, labels, row } = await loadRevenueSettings(db, session.workspaceId)
  return {
    settings,
    setAt: row?.setAt.toISOString() ?? null,
    labels,
    recompute: {
      status: row?.recomputeStatus ?? null,
      recomputedAt: row?.recomputedAt?.toISOString() ?? null,
      error: row?.recomputeError ?? null,
    },
    viewer: { canChange: roleCan(session.role, 'churn:configure') },
  }
}
