import { z } from 'zod'
import { workspaceRoleSchema } from './roles'

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }))

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  role: workspaceRoleSchema,
  joinedAt: z.string(),
})
export type Member = z.infer<typeof memberSchema>

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: workspaceRoleSchema,
  sentAt: z.string(),
  expiresAt: z.string(),
  /** Who sent it; null once that person's account is gone. */
  invitedBy: z.string().nullable(),
})
export type Invitation = z.infer<typeof invitationSchema>

/** Members, and invitations neither accepted, revoked nor expired. */
export const teamSchema = z.object({
  members: z.array(memberSchema),
  invitations: z.array(invitationSchema),
})
export type Team = z.infer<typeof teamSchema>

export const inviteBodySchema = z.strictObject({ email, role: workspaceRoleSchema })
export type InviteBody = z.infer<typeof inviteBodySchema>

export const changeRoleBodySchema = z.strictObject({ role: workspaceRoleSchema })
export type ChangeRoleBody = z.infer<typeof changeRoleBodySchema>

export const switchWorkspaceBodySchema = z.strictObject({ workspaceId: z.uuid() })
export type SwitchWorkspaceBody = z.infer<typeof switchWorkspaceBodySchema>

export const memberParamsSchema = z.strictObject({ userId: z.uuid() })
export const invitationParamsSchema = z.strictObject({ id: z.uuid() })
/** The mailed link's secret: 32 random bytes, base64url. */
export const invitationTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/) })

/** What the link's page shows before anyone signs in: enough to know whom to sign in as. */
export const invitationPreviewSchema = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: workspaceRoleSchema,
})
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>

const managed = ['unauthenticated', 'forbidden', 'not_found'] as const
export const teamErrors = ['unauthenticated'] as const
export const inviteErrors = [
  'unauthenticated',
  'forbidden',
  'invalid_body',
  'unsupported_media_type',
  'already_member',
] as const
export const resendInvitationErrors = managed
export const revokeInvitationErrors = managed
export const changeRoleErrors = [...managed, 'invalid_body', 'unsupported_media_type', 'last_owner'] as const
export const removeMemberErrors = [...managed, 'last_owner'] as const
export const invitationPreviewErrors = [
  'not_found',
  'invitation_invalid',
  'invitation_expired',
  'invitation_already_used',
] as const
export const acceptInvitationErrors = [
  'unauthenticated',
  'not_found',
  'invitation_invalid',
  'invitation_expired',
  'invitation_already_used',
  'invitation_email_mismatch',
] as const
export const switchWorkspaceErrors = ['unauthenticated', 'invalid_body', 'unsupported_media_type', 'not_found'] as const

/** A mail the development catcher received (GET /api/v1/dev/mail); absent in production. */
export const caughtMailSchema = z.object({
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  receivedAt: z.string(),
})
export type CaughtMail = z.infer<typeof caughtMailSchema>
export const caughtMailListSchema = z.object({ mails: z.array(caughtMailSchema) })
