import { authApi } from '@churnlens/contracts'
import type {
  ChangePasswordBody,
  DeleteWorkspaceBody,
  RequestPasswordResetBody,
  ResetPasswordBody,
} from '@churnlens/contracts'

/** Changing a password, signing out everywhere and resetting a forgotten password; every call reports a typed error. */
export function useAccountSecurity() {
  const session = useSession()
  const pending = ref(false)
  const error = ref<AppError | null>(null)
  const done = ref(false)

  async function run<T>(call: () => Promise<ApiResult<T>>): Promise<boolean> {
    if (pending.value) return false
    pending.value = true
    error.value = null
    done.value = false
    const result = await call()
    pending.value = false
    if (!result.ok) error.value = result.error
    done.value = result.ok
    return result.ok
  }

  return {
    pending: readonly(pending),
    error: readonly(error),
    done: readonly(done),
    changePassword: (body: ChangePasswordBody) => run(() => apiFetch(authApi.changePassword, { body })),
    async signOutEverywhere() {
      const ok = await run(() => apiFetch(authApi.logOutEverywhere))
      if (ok) {
        session.clear()
        await navigateTo('/login')
      }
      return ok
    },
    async deleteWorkspace(body: DeleteWorkspaceBody) {
      const ok = await run(() => apiFetch(authApi.deleteWorkspace, { body }))
      if (ok) {
        session.clear()
        await navigateTo('/signup')
      }
      return ok
    },
    requestReset: (body: RequestPasswordResetBody) => run(() => apiFetch(authApi.requestPasswordReset, { body })),
    resetPassword: (body: ResetPasswordBody) => run(() => apiFetch(authApi.resetPassword, { body })),
  }
}
