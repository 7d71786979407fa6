const publicPaths = new Set(['/login', '/signup', '/forgot-password'])
// A reset link works whoever is signed in on this browser; the development mailbox needs no account.
const openPaths = new Set(['/reset-password', '/dev/mail'])
// An invitation's page shows whom it is for, then sends a signed-out person to sign in or up and back.
const openPrefixes = ['/invitations/']

/** Every page but sign-in, sign-up and the password reset pages needs a session; signed-in people skip the first three. */
export default defineNuxtRouteMiddleware(async (to) => {
  const session = useSession()
  if (session.status.value === 'unknown') await session.refresh()
  const signedIn = session.status.value === 'signed-in'

  if (openPaths.has(to.path) || openPrefixes.some((prefix) => to.path.startsWith(prefix))) return undefined
  if (publicPaths.has(to.path)) return signedIn ? navigateTo('/', { replace: true }) : undefined
  if (!signedIn) return navigateTo({ path: '/login', query: { next: to.fullPath } }, { replace: true })
})
