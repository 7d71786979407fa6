import type { PortalCrm } from '../portal-crm'

/**
 * Seeded companies get an owner in turn among the active owners, every fifth company none: a real
 * portal has unowned accounts, and "My accounts" must not pretend otherwise.
 */
export function assignCompanyOwners(portal: PortalCrm): void {
  const active = portal.owners.filter((owner) => !owner.archived)
  if (active.length === 0) return
  portal.objects.companies.active.forEach((record, index) => {
    if (index % 5 === 4) return
    const owner = active[index % active.length]
    if (owner) record.properties.hubspot_owner_id = owner.id
  })
}
