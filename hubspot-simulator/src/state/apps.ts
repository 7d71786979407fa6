import type { SeededRandom } from '../random'

/** A HubSpot public app as configured in its developer account's auth settings. */
export interface SimApp {
  appId: number
  name: string
  clientId: string
  clientSecret: string
  redirectUris: string[]
  /** Must all appear in the authorize URL's `scope`. */
  requiredScopes: string[]
  /** May appear in `optional_scope`; dropped when the account can't grant them. */
  optionalScopes: string[]
}

export const defaultRedirectUris = ['http://localhost:3000/oauth/hubspot/callback']

export function seedApps(random: SeededRandom, redirectUris: readonly string[]): SimApp[] {
  return [
    {
      appId: random.fixedInt('app:churnlens:id', 1_000_000, 9_999_999),
      name: 'Churnlens',
      clientId: random.fixedUuid('app:churnlens:client-id'),
      clientSecret: random.fixedUuid('app:churnlens:client-secret'),
      redirectUris: [...redirectUris],
      requiredScopes: ['oauth', 'tickets', 'crm.objects.companies.read', 'crm.objects.contacts.read'],
      optionalScopes: [
        'crm.objects.companies.write',
        'crm.schemas.companies.write',
        'crm.objects.deals.read',
        'crm.objects.owners.read',
        // Follow-up tasks: HubSpot's tasks API rides on the contacts write scope.
        'crm.objects.contacts.write',
      ],
    },
  ]
}

export function findAppByClientId(apps: readonly SimApp[], clientId: string | undefined): SimApp | undefined {
  return clientId === undefined ? undefined : apps.find((app) => app.clientId === clientId)
}
