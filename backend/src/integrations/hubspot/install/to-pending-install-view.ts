import type { PendingInstall } from '@churnlens/contracts'
import type { PendingInstallRow } from '../../../db/schema'

export function toPendingInstallView(row: PendingInstallRow, workspaces: PendingInstall['workspaces']): PendingInstall {
  return { hubId: row.hubId, hubDomain: row.hubDomain, expiresAt: row.expiresAt.toISOString(), workspaces }
}
