const publicPaths = new Set(['/login', '/signup'])

/** Every page but /login and /signup needs a session; signed-in people skip those two. */
export default defineNuxtRouteMiddleware(async (to) => {
  const session = useSession()
  if (session.status.value === 'unknown') await session.refresh()
  const signedIn = session.status.value === 'signed-in'

  if (publicPaths.has(to.path)) return signedIn ? navigateTo('/', { replace: true }) : undefined
  if (!signedIn) return navigateTo({ path: '/login', query: { next: to.fullPath } }, { replace: true })
})
