import type { SimOwner } from './sim-owner'

/** The portal's customer-success team; the first is the user who installs the app. */
const teammates = [
  { firstName: 'Maya', lastName: 'Okafor' },
  { firstName: 'Jonas', lastName: 'Lindqvist' },
  { firstName: 'Priya', lastName: 'Raman' },
] as const

// A fixed date keeps responses deterministic: the team was set up long before any data here.
const teamCreatedAt = Date.parse('2021-02-11T10:22:05.412Z')

/**
 * A portal's owners: its installing user and three teammates, all at the portal's domain, plus one
 * deactivated former colleague (listed only with `archived=true`). Owner ids and user ids are distinct
 * number ranges, as in HubSpot, so mixing them up shows.
 */
export function ownersOf(
  portalId: number,
  installer: { userId: number; email: string } | undefined,
  hubDomain: string,
): SimOwner[] {
  const base = (portalId % 1000) * 1000 + 61_000_000
  const person = (index: number, firstName: string, lastName: string, email: string, userId: number): SimOwner => ({
    id: String(base + index),
    email,
    firstName,
    lastName,
    userId,
    archived: false,
    createdAt: teamCreatedAt + index * 86_400_000,
    updatedAt: teamCreatedAt + index * 86_400_000,
  })
  const installerName = (installer?.email ?? `admin@${hubDomain}`).split('@')[0] ?? 'admin'
  const owners = [
    person(
      1,
      capitalize(installerName),
      'Admin',
      installer?.email ?? `admin@${hubDomain}`,
      installer?.userId ?? base + 901,
    ),
    ...teammates.map((mate, index) =>
      person(
        index + 2,
        mate.firstName,
        mate.lastName,
        `${mate.firstName.toLowerCase()}@${hubDomain}`,
        base + 902 + index,
      ),
    ),
  ]
  owners.push({ ...person(9, 'Leo', 'Marsh', `leo@${hubDomain}`, base + 909), archived: true })
  return owners
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
