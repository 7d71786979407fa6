import { authApi, teamApi } from '@churnlens/contracts'
import type { LoginBody, Me, Permission, SignupBody } from '@churnlens/contracts'

type SessionStatus = 'unknown' | 'signed-in' | 'signed-out'

/**
 * Who is signed in. The session itself is an httpOnly cookie the backend sets; the app only ever sees `Me`.
 * State keyed `workspace:*` (see useState) belongs to the signed-in workspace and is reset on sign-out.
 * `status` stays 'unknown' until GET /me has answered, and after a network failure, so the next navigation asks again.
 */
export function useSession() {
  const me = useState<Me | null>('session:me', () => null)
  const status = useState<SessionStatus>('session:status', () => 'unknown')
  const error = useState<AppError | null>('session:error', () => null)

  function settle(result: ApiResult<Me>): ApiResult<Me> {
    if (result.ok) {
      me.value = result.data
      status.value = 'signed-in'
      error.value = null
    } else if (result.error.code === 'unauthenticated') {
      clear()
    } else {
      error.value = result.error
    }
    return result
  }

  function clear() {
    // Whatever was loaded for the previous workspace (its HubSpot connection) goes with the session.
    clearNuxtState((key) => key.startsWith('workspace:'), { reset: true })
    me.value = null
    status.value = 'signed-out'
    error.value = null
  }

  async function refresh(): Promise<ApiResult<Me>> {
    return settle(await apiFetch(authApi.getMe))
  }

  async function signUp(body: SignupBody): Promise<ApiResult<Me>> {
    const result = await apiFetch(authApi.signUp, { body })
    return result.ok ? settle(result) : result
  }

  async function logIn(body: LoginBody): Promise<ApiResult<Me>> {
    const result = await apiFetch(authApi.logIn, { body })
    return result.ok ? settle(result) : result
  }

  async function signOut(): Promise<ApiResult<undefined>> {
    // Sign-out needs no session (an expired one is as good as signed out), so only the network can fail it.
    const result = await apiFetch(authApi.logOut)
    if (result.ok) clear()
    return result
  }

  /** Whether the person's role in the current workspace allows it: controls it does not are left out, not disabled. */
  function can(permission: Permission): boolean {
    return me.value?.permissions.includes(permission) ?? false
  }

  /** Works in another of the person's workspaces from now on (this browser only). */
  async function switchWorkspace(workspaceId: string): Promise<ApiResult<Me>> {
    const result = await apiFetch(teamApi.switchWorkspace, { body: { workspaceId } })
    if (!result.ok) return result
    // The previous workspace's loaded data must not show under the new one's name.
    clearNuxtState((key) => key.startsWith('workspace:'), { reset: true })
    return settle(result)
  }

  /** Joins the workspace an invitation names and works in it. */
  async function acceptInvitation(token: string): Promise<ApiResult<Me>> {
    const result = await apiFetch(teamApi.acceptInvitation, { params: { token } })
    if (!result.ok) return result
    clearNuxtState((key) => key.startsWith('workspace:'), { reset: true })
    return settle(result)
  }

  return {
    me: computed(() => me.value),
    can,
    switchWorkspace,
    acceptInvitation,
    status: computed(() => status.value),
    error: computed(() => error.value),
    refresh,
    signUp,
    logIn,
    signOut,
    clear,
  }
}
