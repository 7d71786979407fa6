import { z } from 'zod'
import { permissions, workspaceRoleSchema } from './roles'

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }))

const newPassword = z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.')

export const signupBodySchema = z.strictObject({
  email,
  password: newPassword,
})
export type SignupBody = z.infer<typeof signupBodySchema>

export const loginBodySchema = z.strictObject({
  email,
  password: z.string().min(1, 'Enter your password.').max(200),
})
export type LoginBody = z.infer<typeof loginBodySchema>

const membership = z.object({ id: z.string(), name: z.string(), role: workspaceRoleSchema })

export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  /** The workspace this session works in, and the person's role there. */
  workspace: membership,
  /** What that role allows (contracts/src/roles.ts): the UI leaves out controls for anything else. */
  permissions: z.array(z.enum(permissions)),
  /** Every workspace the person belongs to, oldest membership first. */
  workspaces: z.array(membership),
})
export type Me = z.infer<typeof meSchema>

export const signupErrors = ['invalid_body', 'unsupported_media_type', 'email_taken', 'too_many_attempts'] as const
export const loginErrors = [
  'invalid_body',
  'unsupported_media_type',
  'invalid_credentials',
  'too_many_attempts',
] as const
export const meErrors = ['unauthenticated'] as const

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password.').max(200),
  newPassword,
})
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>
export const changePasswordErrors = [
  'unauthenticated',
  'invalid_body',
  'unsupported_media_type',
  'wrong_password',
  'too_many_attempts',
] as const

export const requestPasswordResetBodySchema = z.strictObject({ email })
export type RequestPasswordResetBody = z.infer<typeof requestPasswordResetBodySchema>
/** Always the same answer, whether or not the email has an account. */
export const requestPasswordResetResponseSchema = z.object({ requested: z.literal(true) })
export const requestPasswordResetErrors = ['invalid_body', 'unsupported_media_type', 'too_many_attempts'] as const

export const resetPasswordBodySchema = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword,
})
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>
export const resetPasswordErrors = ['invalid_body', 'unsupported_media_type', 'reset_link_invalid'] as const

/** The owner types the workspace's name, so a stray click cannot delete it. */
export const deleteWorkspaceBodySchema = z.strictObject({ confirmName: z.string().min(1).max(200) })
export type DeleteWorkspaceBody = z.infer<typeof deleteWorkspaceBodySchema>
export const deleteWorkspaceErrors = [
  'unauthenticated',
  'invalid_body',
  'unsupported_media_type',
  'forbidden',
  'workspace_name_mismatch',
  'hubspot_unavailable',
] as const
