/**
 * For composables that call the API: a session that expired mid-page sends the person back to
 * sign in, then to this page. Returns whether it did, so the caller only shows other errors.
 */
export function useSignInAgain() {
  const session = useSession()
  const route = useRoute()

  return async function signInAgainIfExpired(error: AppError): Promise<boolean> {
    if (error.code !== 'unauthenticated') return false
    session.clear()
    await navigateTo({ path: '/login', query: { next: route.fullPath } })
    return true
  }
}
