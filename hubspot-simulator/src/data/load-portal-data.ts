import { associate } from '../crm/association-store'
import type { CrmRecord } from '../crm/crm-record'
import { insertRecord } from '../crm/insert-record'
import type { ObjectStore } from '../crm/object-store'
import type { PortalCrm } from '../crm/portal-crm'
import { definePropertyFromInput } from '../crm/property-definitions'
import type { PropertyHistoryEntry } from '../crm/property-history-entry'
import type { GeneratedHistoryEntry, GeneratedPortalData, GeneratedRecord } from './generated-records'
import type { GroundTruthEntry } from './ground-truth'
import type { PortalChurnStyle } from './portal-churn-style'

/** Custom properties a team made long before the data here starts; a fixed date keeps responses deterministic. */
const customPropertiesCreatedAt = Date.parse('2022-01-18T09:12:44.301Z')

/**
 * Puts generated data into an empty portal: first the team's churn properties (a custom lifecycle option,
 * `churn_date`, `churned`), then records with their property history, ids handed out in creation order (as
 * HubSpot's grow over time), then associations: ticket→company (primary), ticket→contact, contact→company
 * (primary), deal→company (primary). No change-feed events: this is the portal's past, not live activity.
 * `userId` is the HubSpot user that history entries made "in the UI" name. Takes ownership of `data`'s objects.
 */
export function loadPortalData(portal: PortalCrm, data: GeneratedPortalData, userId: number | undefined): void {
  defineChurnProperties(portal, data.style)
  const source = historySources(userId)
  const companies = insertInCreationOrder(portal.objects.companies, data.companies, source)
  const contacts = insertInCreationOrder(portal.objects.contacts, data.contacts, source)
  const tickets = insertInCreationOrder(portal.objects.tickets, data.tickets, source)
  const deals = insertInCreationOrder(portal.objects.deals, data.deals, source)

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
  data.deals.forEach((deal, index) => {
    const record = deals[index]
    const company = companies[deal.companyIndex]
    if (record && company)
      associate(portal.associations, {
        fromType: 'deals',
        fromId: record.id,
        toType: 'companies',
        toId: company.id,
        primary: true,
      })
  })

  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())
  const entries: GroundTruthEntry[] = data.companies.map((company, index) => ({
    companyId: companies[index]?.id ?? '',
    customerSince: new Date(company.truth.customerSince).toISOString(),
    churnedAt: iso(company.truth.churnedAt),
    churnsWithinHorizon: company.truth.churnsWithinHorizon,
    churnAt: iso(company.truth.churnAt),
    cause: company.truth.cause,
  }))
  portal.groundTruth = {
    asOf: new Date(data.now).toISOString(),
    horizonDays: data.horizonDays,
    companies: entries.sort((a, b) => Number(a.companyId) - Number(b.companyId)),
  }
}

/** The lifecycle option and custom properties this portal's team uses to record churn. */
function defineChurnProperties(portal: PortalCrm, style: PortalChurnStyle): void {
  const companies = portal.properties.companies
  const lifecycle = companies.get('lifecyclestage')
  if (lifecycle && style.churnedStage !== 'other') {
    lifecycle.options = [
      ...lifecycle.options,
      {
        label: style.churnedStage.label,
        value: style.churnedStage.value,
        displayOrder: lifecycle.options.length,
        hidden: false,
      },
    ]
  }
  // Every team records its contracts' value and renewal in custom properties of its own.
  for (const draft of [
    { name: 'arr', label: 'ARR', type: 'number' as const, description: 'Annual recurring revenue of the contract.' },
    {
      name: 'renewal_date',
      label: 'Renewal date',
      type: 'date' as const,
      description: 'When the contract renews next.',
    },
  ]) {
    const property = definePropertyFromInput(draft, 'companyinformation', customPropertiesCreatedAt)
    companies.set(property.name, property)
  }
  if (style.churnDateProperty) {
    const churnDate = definePropertyFromInput(
      { name: 'churn_date', label: 'Churn date', type: 'date', description: "The day the customer's contract ended." },
      'companyinformation',
      customPropertiesCreatedAt,
    )
    companies.set(churnDate.name, churnDate)
  }
  if (style.churnedFlagProperty) {
    const options = [
      { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
      { label: 'No', value: 'false', displayOrder: 1, hidden: false },
    ]
    const churned = definePropertyFromInput(
      { name: 'churned', label: 'Churned', type: 'enumeration', fieldType: 'booleancheckbox', options },
      'companyinformation',
      customPropertiesCreatedAt,
    )
    companies.set(churned.name, churned)
  }
}

type HistorySources = Record<GeneratedHistoryEntry['by'], Omit<PropertyHistoryEntry, 'value' | 'timestamp'>>

function historySources(userId: number | undefined): HistorySources {
  return {
    user:
      userId === undefined
        ? { sourceType: 'CRM_UI' }
        : { sourceType: 'CRM_UI', sourceId: `userId:${userId}`, updatedByUserId: userId },
    workflow: { sourceType: 'AUTOMATION_PLATFORM' },
    system: { sourceType: 'CALCULATED' },
  }
}

/** Returns the stored records in the generated arrays' order, so callers can map index → record. */
function insertInCreationOrder(
  store: ObjectStore,
  generated: readonly GeneratedRecord[],
  sources: HistorySources,
): CrmRecord[] {
  const order = generated
    .map((_, index) => index)
    .sort((a, b) => (generated[a]?.createdAt ?? 0) - (generated[b]?.createdAt ?? 0) || a - b)
  const records: CrmRecord[] = new Array<CrmRecord>(generated.length)
  for (const index of order) {
    const item = generated[index]
    if (!item) continue
    // The generated data was made for this load alone, so its property objects become the records'.
    const record = insertRecord(store, item.properties, item.createdAt, item.updatedAt)
    if (item.history) {
      record.history = new Map(
        Object.entries(item.history).map(([name, entries]) => [
          name,
          entries.map((entry) => ({ value: entry.value, timestamp: entry.at, ...sources[entry.by] })),
        ]),
      )
    }
    records[index] = record
  }
  return records
}
