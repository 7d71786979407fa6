import { count } from 'drizzle-orm'
import type { Database } from '../../db/database'
import { integrations } from '../../db/schema'

export interface IntegrationsReport {
  rows: { authType: string; status: string; count: number }[]
  total: number
  /** Share of live integrations (not disconnected) already on OAuth: the migration's progress. */
  oauthShare: number
}

export async function reportIntegrations(db: Database): Promise<IntegrationsReport> {
  const rows = await db
    .select({ authType: integrations.authType, status: integrations.status, count: count() })
    .from(integrations)
    .groupBy(integrations.authType, integrations.status)
    .orderBy(integrations.authType, integrations.status)
  const live = rows.filter((r) => r.status !== 'disconnected')
  const liveTotal = live.reduce((n, r) => n + r.count, 0)
  const liveOauth = live.filter((r) => r.authType === 'oauth').reduce((n, r) => n + r.count, 0)
  return { rows, total: rows.reduce((n, r) => n + r.count, 0), oauthShare: liveTotal === 0 ? 1 : liveOauth / liveTotal }
}

export function formatIntegrationsReport(report: IntegrationsReport): string {
  const lines = ['auth_type  status         count', '---------  -------------  -----']
  for (const r of report.rows)
    lines.push(`${r.authType.padEnd(9)}  ${r.status.padEnd(13)}  ${String(r.count).padStart(5)}`)
  lines.push('', `total: ${report.total}`, `live integrations on OAuth: ${(report.oauthShare * 100).toFixed(1)}%`)
  return lines.join('\n')
}
