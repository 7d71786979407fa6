import { associate } from '../crm/association-store'
import type { CrmRecord } from '../crm/crm-record'
import { insertRecord } from '../crm/insert-record'
import type { ObjectStore } from '../crm/object-store'
import type { PortalCrm } from '../crm/portal-crm'
import type { GeneratedPortalData, GeneratedRecord } from './generated-records'

/**
 * Puts generated data into an empty portal. Ids are handed out in creation order (as HubSpot's grow over
 * time), then associations: ticket→company (primary), ticket→contact, contact→company (primary).
 * No change-feed events: this is the portal's history, not live activity.
 */
export function loadPortalData(portal: PortalCrm, data: GeneratedPortalData): void {
  const companies = insertInCreationOrder(portal.objects.companies, data.companies)
  const contacts = insertInCreationOrder(portal.objects.contacts, data.contacts)
  const tickets = insertInCreationOrder(portal.objects.tickets, data.tickets)

  data.contacts.forEach((contact, index) => {
    const company = companies[contact.companyIndex]
    const record = contacts[index]
    if (company && record)
      associate(portal.associations, {
        fromType: 'contacts',
        fromId: record.id,
        toType: 'companies',
        toId: company.id,
        primary: true,
      })
  })
  data.tickets.forEach((ticket, index) => {
    const record = tickets[index]
    const company = companies[ticket.companyIndex]
    const contact = contacts[ticket.contactIndex]
    if (!record) return
    if (company)
      associate(portal.associations, {
        fromType: 'tickets',
        fromId: record.id,
        toType: 'companies',
        toId: company.id,
        primary: true,
      })
    if (contact)
      associate(portal.associations, { fromType: 'tickets', fromId: record.id, toType: 'contacts', toId: contact.id })
  })
  portal.groundTruth = data.companies
    .map((company, index) => ({
      companyId: companies[index]?.id ?? '',
      churning: company.churning,
      patterns: [...company.patterns],
    }))
    .sort((a, b) => Number(a.companyId) - Number(b.companyId))
}

/** Returns the stored records in the generated arrays' order, so callers can map index → record. */
function insertInCreationOrder(store: ObjectStore, generated: readonly GeneratedRecord[]): CrmRecord[] {
  const order = generated
    .map((_, index) => index)
    .sort((a, b) => (generated[a]?.createdAt ?? 0) - (generated[b]?.createdAt ?? 0) || a - b)
  const records: CrmRecord[] = new Array<CrmRecord>(generated.length)
  for (const index of order) {
    const item = generated[index]
    if (item) records[index] = insertRecord(store, { ...item.properties }, item.createdAt, item.updatedAt)
  }
  return records
}
