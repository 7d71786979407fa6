import { teamApi } from '@churnlens/contracts'
import type { InviteBody, Team, WorkspaceRole } from '@churnlens/contracts'

/** Settings → Team: members, pending invitations, and the changes an owner or admin makes to them. */
export function useTeam() {
  const team = useState<Team | null>('workspace:team', () => null)
  const loading = ref(false)
  const pending = ref(false)
  const error = ref<AppError | null>(null)
  const notice = ref<string | null>(null)

  async function load() {
    loading.value = true
    const result = await apiFetch(teamApi.get)
    loading.value = false
    if (result.ok) team.value = result.data
    else error.value = result.error
  }

  /** Runs one change, then reloads the list so it shows what the server now holds. */
  async function change(call: () => Promise<ApiResult<unknown>>, success: string): Promise<boolean> {
    if (pending.value) return false
    pending.value = true
    error.value = null
    notice.value = null
    const result = await call()
    pending.value = false
    if (!result.ok) {
      error.value = result.error
      return false
    }
    notice.value = success
    await load()
    return true
  }

  return {
    team: computed(() => team.value),
    loading: readonly(loading),
    pending: readonly(pending),
    error: readonly(error),
    notice: readonly(notice),
    load,
    invite: (body: InviteBody) => change(() => apiFetch(teamApi.invite, { body }), `Invitation sent to ${body.email}.`),
    resend: (id: string, email: string) =>
      change(() => apiFetch(teamApi.resendInvitation, { params: { id } }), `A new link was sent to ${email}.`),
    revoke: (id: string, email: string) =>
      change(
        () => apiFetch(teamApi.revokeInvitation, { params: { id } }),
        `The invitation for ${email} no longer works.`,
      ),
    changeRole: (userId: string, email: string, role: WorkspaceRole) =>
      change(
        () => apiFetch(teamApi.changeRole, { params: { userId }, body: { role } }),
        `${email} is now ${roleLabels[role].toLowerCase()}.`,
      ),
    remove: (userId: string, email: string) =>
      change(
        () => apiFetch(teamApi.removeMember, { params: { userId } }),
        `${email} was removed and signed out of this workspace.`,
      ),
  }
}
