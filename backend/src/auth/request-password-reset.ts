import { eq } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import { randomToken, sha256 } from '../crypto/random-token'
import { passwordResetTokens, users } from '../db/schema'
import { renderLinkMail } from '../mail/render-link-mail'

export const RESET_LINK_TTL_MS = 60 * 60 * 1000

/**
 * Emails a single-use reset link when the email has an account. The token travels in the link's
 * fragment, which browsers never send to a server or in a Referer; only its hash is stored.
 */
export async function requestPasswordReset(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'mailer' | 'logger'>,
  email: string,
): Promise<void> {
  const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, email))
  if (!user) return
  const token = randomToken()
  await deps.db.insert(passwordResetTokens).values({
    id: sha256(token),
    userId: user.id,
    expiresAt: new Date(deps.clock.now().getTime() + RESET_LINK_TTL_MS),
  })
  await deps.mailer.send(
    renderLinkMail({
      to: email,
      subject: 'Reset your Churnlens password',
      intro: ['Someone (hopefully you) asked to reset the password of your Churnlens account.'],
      action: {
        label: 'Choose a new password within the hour',
        url: `${deps.config.publicUrl}/reset-password#token=${token}`,
      },
      outro: ['If it was not you, ignore this mail: your password stays as it is.'],
    }),
  )
}
