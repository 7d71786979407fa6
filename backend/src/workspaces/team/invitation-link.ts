import type { WorkspaceRole } from '@churnlens/contracts'
import type { Config } from '../../config'
import { renderLinkMail } from '../../mail/render-link-mail'
import type { OutgoingMail } from '../../mail/mailer'

/** Seven days: long enough for a colleague back from a week off, short enough that a forwarded link goes stale. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

const roleWords: Record<WorkspaceRole, string> = {
  owner: 'an owner',
  admin: 'an admin',
  member: 'a member',
  viewer: 'a viewer (read only)',
}

export function invitationMail(
  config: Pick<Config, 'publicUrl'>,
  input: { to: string; token: string; workspaceName: string; role: WorkspaceRole; inviterEmail: string },
): OutgoingMail {
  return renderLinkMail({
    to: input.to,
    subject: `You are invited to ${input.workspaceName} on Churnlens`,
    intro: [
      `${input.inviterEmail} invited you to join the workspace "${input.workspaceName}" on Churnlens as ${roleWords[input.role]}.`,
      'Churnlens reads your HubSpot support tickets and shows which customers are drifting toward churn, and why.',
    ],
    action: { label: 'Accept the invitation', url: `${config.publicUrl}/invitations/${input.token}` },
    outro: [
      'The link works once and expires in seven days. Sign in, or create an account, with this email address to accept.',
      'If you did not expect this invitation, ignore this mail.',
    ],
  })
}
