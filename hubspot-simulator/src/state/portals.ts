import type { SeededRandom } from '../random'

export interface SimUser {
  userId: number
  email: string
}

/** A HubSpot account ("portal", "hub") that a user can install the app into. */
export interface SimPortal {
  portalId: number
  hubDomain: string
  /** Static private-app token (`pat-na1-<uuid>`), sent as a bearer token like an OAuth token. */
  privateAppToken: string
  privateAppScopes: string[]
  /** Scopes this account can grant; absent means any. Optional scopes outside it are silently dropped. */
  grantableScopes?: string[]
  /** The first user is the one who installs the app. */
  users: SimUser[]
}

const baseScopes = ['oauth', 'tickets', 'crm.objects.companies.read', 'crm.objects.contacts.read']
/** What a private-app token may do unless a portal says otherwise. */
export const defaultPrivateAppScopes = ['tickets', 'crm.objects.companies.read', 'crm.objects.contacts.read']

const fixtures = [
  { portalId: 2000001, hubDomain: 'northwind-demo.com', user: 'ada@northwind-demo.com' },
  { portalId: 2000002, hubDomain: 'globex-demo.com', user: 'hank@globex-demo.com' },
  // Initech's subscription has no write access for apps: exercises "optional scopes silently dropped".
  { portalId: 2000003, hubDomain: 'initech-demo.com', user: 'bill@initech-demo.com', grantableScopes: baseScopes },
]

export function seedPortals(random: SeededRandom): SimPortal[] {
  return fixtures.map((fixture) => ({
    portalId: fixture.portalId,
    hubDomain: fixture.hubDomain,
    privateAppToken: `pat-na1-${random.fixedUuid(`portal:${fixture.portalId}:private-app-token`)}`,
    privateAppScopes: [...defaultPrivateAppScopes],
    ...(fixture.grantableScopes ? { grantableScopes: [...fixture.grantableScopes] } : {}),
    users: [
      { userId: random.fixedInt(`portal:${fixture.portalId}:user`, 10_000_000, 99_999_999), email: fixture.user },
    ],
  }))
}

export function findPortal(portals: readonly SimPortal[], portalId: number): SimPortal | undefined {
  return portals.find((portal) => portal.portalId === portalId)
}
