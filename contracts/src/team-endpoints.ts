import { z } from 'zod'
import { meSchema } from './auth'
import { endpoint } from './endpoint'
import {
  acceptInvitationErrors,
  caughtMailListSchema,
  changeRoleBodySchema,
  changeRoleErrors,
  invitationParamsSchema,
  invitationPreviewErrors,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenParamsSchema,
  inviteBodySchema,
  inviteErrors,
  memberParamsSchema,
  memberSchema,
  removeMemberErrors,
  resendInvitationErrors,
  revokeInvitationErrors,
  switchWorkspaceBodySchema,
  switchWorkspaceErrors,
  teamErrors,
  teamSchema,
} from './team'

/** Settings → Team: who works in the workspace, with which role, and who is invited. */
export const teamApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/v1/workspace/members',
    auth: 'session',
    permission: 'data:read',
    response: teamSchema,
    errors: teamErrors,
  }),
  /** Mails a single-use link, valid seven days, to join with the given role. */
  invite: endpoint({
    method: 'POST',
    path: '/api/v1/workspace/invitations',
    auth: 'session',
    permission: 'members:manage',
    body: inviteBodySchema,
    response: invitationSchema,
    status: 201,
    errors: inviteErrors,
  }),
  /** Mails a fresh link (the old one stops working) and restarts the seven days. */
  resendInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/workspace/invitations/:id/resend',
    auth: 'session',
    permission: 'members:manage',
    params: invitationParamsSchema,
    response: invitationSchema,
    errors: resendInvitationErrors,
  }),
  revokeInvitation: endpoint({
    method: 'DELETE',
    path: '/api/v1/workspace/invitations/:id',
    auth: 'session',
    permission: 'members:manage',
    params: invitationParamsSchema,
    response: z.undefined(),
    status: 204,
    errors: revokeInvitationErrors,
  }),
  changeRole: endpoint({
    method: 'PATCH',
    path: '/api/v1/workspace/members/:userId',
    auth: 'session',
    permission: 'members:manage',
    params: memberParamsSchema,
    body: changeRoleBodySchema,
    response: memberSchema,
    errors: changeRoleErrors,
  }),
  /** Ends the person's sessions in this workspace at once. */
  removeMember: endpoint({
    method: 'DELETE',
    path: '/api/v1/workspace/members/:userId',
    auth: 'session',
    permission: 'members:manage',
    params: memberParamsSchema,
    response: z.undefined(),
    status: 204,
    errors: removeMemberErrors,
  }),
  /** The invitation link's page, before sign-in: which workspace, for which email. */
  previewInvitation: endpoint({
    method: 'GET',
    path: '/api/v1/invitations/:token',
    auth: 'public',
    params: invitationTokenParamsSchema,
    response: invitationPreviewSchema,
    errors: invitationPreviewErrors,
  }),
  /** Joins as the signed-in person (whose email must be the invited one) and switches to the workspace. */
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations/:token/accept',
    auth: 'session',
    permission: 'account:self',
    params: invitationTokenParamsSchema,
    response: meSchema,
    errors: acceptInvitationErrors,
  }),
  switchWorkspace: endpoint({
    method: 'PUT',
    path: '/api/v1/me/workspace',
    auth: 'session',
    permission: 'account:self',
    body: switchWorkspaceBodySchema,
    response: meSchema,
    errors: switchWorkspaceErrors,
  }),
}

/** Development only: the mails the local catcher received, newest first. 404 in production. */
export const devMailApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/dev/mail',
    auth: 'public',
    response: caughtMailListSchema,
    errors: ['not_found'],
  }),
}
