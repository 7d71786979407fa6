import { z } from 'zod'

export const workspaceRoles = ['owner', 'admin', 'member', 'viewer'] as const
export const workspaceRoleSchema = z.enum(workspaceRoles)
export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>

export const permissions = [
  /** Their own account and session: who they are, their password, which workspace they work in. */
  'account:self',
  /** Dashboard, companies, CSV exports, the model and definition as they stand, the connection's state, the team. */
  'data:read',
  /** Work that changes data but not the workspace's set-up: a sync now, a re-score, a model run. */
  'data:write',
  /** What "churned" means and how signals are weighed. */
  'churn:configure',
  /** Connect, reconnect and disconnect HubSpot. */
  'integration:manage',
  /** Invite, change roles, remove people. */
  'members:manage',
  /** Delete the workspace with all of its data. */
  'workspace:delete',
] as const
export type Permission = (typeof permissions)[number]

/**
 * What each role may do: the one table the backend enforces on every route and the frontend reads
 * (through GET /api/v1/me) to leave out controls a role cannot use.
 */
export const rolePermissions: Record<WorkspaceRole, readonly Permission[]> = {
  owner: permissions,
  admin: permissions.filter((p) => p !== 'workspace:delete'),
  member: ['account:self', 'data:read', 'data:write'],
  viewer: ['account:self', 'data:read'],
}

export function roleCan(role: WorkspaceRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission)
}
