import { teamApi } from '@churnlens/contracts'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../app-deps'
import { fail, reply, route } from '../http/route'
import { loadMe } from './load-me'
import { switchWorkspace } from './switch-workspace'
import { acceptInvitation } from './team/accept-invitation'
import { changeMemberRole } from './team/change-member-role'
import { findInvitation } from './team/find-invitation'
import { inviteMember } from './team/invite-member'
import { loadTeam } from './team/load-team'
import { removeMember } from './team/remove-member'
import { resendInvitation } from './team/resend-invitation'
import { revokeInvitation } from './team/revoke-invitation'

/** Settings → Team, the invitation link, and moving between one's workspaces. */
export function teamRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()

  route(app, teamApi.get, async (c, { session }) =>
    reply(c, teamApi.get, await loadTeam(deps.db, session.workspaceId, deps.clock.now())),
  )

  route(app, teamApi.invite, async (c, { session, body }) => {
    const invited = await inviteMember(deps, session, body)
    if (!invited.ok) return fail(c, teamApi.invite, invited.error)
    return reply(c, teamApi.invite, invited.value)
  })

  route(app, teamApi.resendInvitation, async (c, { session, params }) => {
    const resent = await resendInvitation(deps, session, params.id)
    if (!resent.ok) return fail(c, teamApi.resendInvitation, resent.error)
    return reply(c, teamApi.resendInvitation, resent.value)
  })

  route(app, teamApi.revokeInvitation, async (c, { session, params }) => {
    const revoked = await revokeInvitation(deps, session, params.id)
    if (!revoked.ok) return fail(c, teamApi.revokeInvitation, revoked.error)
    return reply(c, teamApi.revokeInvitation, undefined)
  })

  route(app, teamApi.changeRole, async (c, { session, params, body }) => {
    const changed = await changeMemberRole(deps, session, params.userId, body.role)
    if (!changed.ok) return fail(c, teamApi.changeRole, changed.error)
    return reply(c, teamApi.changeRole, changed.value)
  })

  route(app, teamApi.removeMember, async (c, { session, params }) => {
    const removed = await removeMember(deps, session, params.userId)
    if (!removed.ok) return fail(c, teamApi.removeMember, removed.error)
    deps.logger.info(
      { workspaceId: session.workspaceId, userId: params.userId, endedSessions: removed.value.endedSessions },
      'member removed',
    )
    return reply(c, teamApi.removeMember, undefined)
  })

  route(app, teamApi.previewInvitation, async (c, { params }) => {
    const found = await findInvitation(deps.db, params.token, deps.clock.now())
    if (!found.ok) return fail(c, teamApi.previewInvitation, found.error)
    const { invitation, workspaceName } = found.value
    return reply(c, teamApi.previewInvitation, { workspaceName, email: invitation.email, role: invitation.role })
  })

  route(app, teamApi.acceptInvitation, async (c, { session, params }) => {
    const accepted = await acceptInvitation(deps, session, params.token)
    if (!accepted.ok) return fail(c, teamApi.acceptInvitation, accepted.error)
    return reply(c, teamApi.acceptInvitation, await loadMe(deps.db, session.userId, accepted.value.workspaceId))
  })

  route(app, teamApi.switchWorkspace, async (c, { session, body }) => {
    const switched = await switchWorkspace(deps, session, body.workspaceId)
    if (!switched.ok) return fail(c, teamApi.switchWorkspace, switched.error)
    return reply(c, teamApi.switchWorkspace, await loadMe(deps.db, session.userId, body.workspaceId))
  })

  return app
}
