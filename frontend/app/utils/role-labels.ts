import type { WorkspaceRole } from '@churnlens/contracts'

export const roleLabels: Record<WorkspaceRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
}

/** One line each, shown beside the role picker so nobody has to guess what a role allows. */
export const roleDescriptions: Record<WorkspaceRole, string> = {
  owner: 'Everything, including deleting the workspace.',
  admin: 'Connects HubSpot, sets the churn definition and weights, manages the team.',
  member: 'Uses everything else: dashboards, exports, sync and re-scoring.',
  viewer: 'Reads dashboards and companies; changes nothing.',
}
