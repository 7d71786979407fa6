import { z } from 'zod'

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }))

export const signupBodySchema = z.strictObject({
  email,
  password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
})
export type SignupBody = z.infer<typeof signupBodySchema>

export const loginBodySchema = z.strictObject({
  email,
  password: z.string().min(1, 'Enter your password.').max(200),
})
export type LoginBody = z.infer<typeof loginBodySchema>

export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  workspace: z.object({ id: z.string(), name: z.string() }),
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
