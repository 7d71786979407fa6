const publicPaths = new Set(['/login', '/signup', '/forgot-password'])
// A reset link works whoever is signed in on this browser.
const openPaths = new Set(['/reset-password'])

/** Every page but sign-in, sign-up and the password reset pages needs a session; signed-in people skip the first three. */
export default defineNuxtRouteMiddleware(async (to) => {
  const session = useSession()
  if (session.status.value === 'unknown') await session.refresh()
  const signedIn = session.status.value === 'signed-in'

  if (openPaths.has(to.path)) return undefined
  if (publicPaths.has(to.path)) return signedIn ? navigateTo('/', { replace: true }) : undefined
  if (!signedIn) return navigateTo({ path: '/login', query: { next: to.fullPath } }, { replace: true })
})
