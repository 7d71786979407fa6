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
  // An install started from HubSpot arrives without a state of ours, often before anyone signed in:
  // its code must be exchanged at once, and the page that finishes it offers sign-in itself.
  if (to.path === '/oauth/hubspot/callback' && to.query.state === undefined) return undefined
  if (to.path === '/oauth/hubspot/install') return undefined
  if (publicPaths.has(to.path)) return signedIn ? navigateTo('/', { replace: true }) : undefined
  if (!signedIn) return navigateTo({ path: '/login', query: { next: to.fullPath } }, { replace: true })
})
