import type { RevenueSettings, RevenueSourceLabel } from '@churnlens/contracts'
import { DEFAULT_REVENUE_SETTINGS } from '@churnlens/contracts'
import { eq } from 'drizzle-orm'
import type { Queryable } from '../db/database'
import { revenueSettings } from '../db/schema'
import type { RevenueSettingsRow } from '../db/schema'

export const DEFAULT_REVENUE_LABELS: RevenueSourceLabel = { revenue: 'Annual Revenue (annualrevenue)', renewal: null }

/** The workspace's revenue and renewal sources, the default when it never chose; `row` is null then. */
export async function loadRevenueSettings(
  db: Queryable,
  workspaceId: string,
): Promise<{ settings: RevenueSettings; labels: RevenueSourceLabel; row: RevenueSettingsRow | null }> {
  const [row] = await db.select().from(revenueSettings).where(eq(revenueSettings.workspaceId, workspaceId))
  if (!row) return { settings: DEFAULT_REVENUE_SETTINGS, labels: DEFAULT_REVENUE_LABELS, row: null }
  return { settings: { revenue: row.revenue, renewal: row.renewal }, labels: row.labels, row }
}
