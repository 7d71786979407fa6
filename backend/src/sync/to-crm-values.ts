import type { RevenueSettings } from '@churnlens/contracts'
import { DEFAULT_REVENUE_SETTINGS } from '@churnlens/contracts'
import { readTicketCues } from '../churn/language/read-ticket-cues'
import { TICKET_CUES_VERSION } from '../churn/language/ticket-cues'
import type { crmCompanies, crmContacts, crmTickets } from '../db/schema'
import type { CrmObject } from '../integrations/hubspot/crm/crm-schemas'

/*
 * HubSpot records → the values we store: `to…Values` names these mappers, as `ConnectionValues`
 * names what a connection writes. (`toCompanyRow` is the database → API mapper in churn/.)
 */

export type CrmCompanyValues = typeof crmCompanies.$inferInsert
export type CrmContactValues = typeof crmContacts.$inferInsert
export type CrmTicketValues = typeof crmTickets.$inferInsert

/** HubSpot sends every value as a string; dates as ISO text or epoch milliseconds. */
export function parseHubspotDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function parseNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? Math.round(n) : null
}

/** An amount as HubSpot sends it (a decimal string); empty or unreadable is no value, not zero. */
export function parseAmount(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

const text = (value: string | null | undefined) => (value === undefined || value === '' ? null : value)

/** Ids HubSpot merged into this record (`hs_merged_object_ids` is `;`-separated). */
export function mergedIds(object: CrmObject): number[] {
  return (object.properties.hs_merged_object_ids ?? '')
    .split(';')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
}

/**
 * A company's values; revenue and renewal from the properties the workspace chose. A deals source leaves the
 * column out: the recompute job writes it from the deals, and the upsert keeps what it wrote.
 */
export function toCrmCompanyValues(
  workspaceId: string,
  o: CrmObject,
  now: Date,
  sources: RevenueSettings = DEFAULT_REVENUE_SETTINGS,
): CrmCompanyValues {
  const p = o.properties
  const { revenue, renewal } = sources
  return {
    workspaceId,
    hubspotId: Number(o.id),
    name: text(p.name),
    domain: text(p.domain),
    industry: text(p.industry),
    ownerId: text(p.hubspot_owner_id),
    ...(revenue.kind === 'property' ? { revenue: parseAmount(p[revenue.property]) } : {}),
    ...(renewal.kind === 'none' ? { renewalAt: null } : {}),
    ...(renewal.kind === 'property' ? { renewalAt: parseHubspotDate(p[renewal.property]) } : {}),
    hsCreatedAt: parseHubspotDate(p.createdate ?? o.createdAt),
    hsUpdatedAt: parseHubspotDate(p.hs_lastmodifieddate ?? o.updatedAt),
    archived: o.archived ?? false,
    mergedInto: null,
    syncedAt: now,
  }
}

export function toCrmContactValues(
  workspaceId: string,
  o: CrmObject,
  companyId: number | null,
  now: Date,
): CrmContactValues {
  const p = o.properties
  return {
    workspaceId,
    hubspotId: Number(o.id),
    email: text(p.email),
    firstName: text(p.firstname),
    lastName: text(p.lastname),
    companyId,
    hsCreatedAt: parseHubspotDate(p.createdate ?? o.createdAt),
    hsUpdatedAt: parseHubspotDate(p.lastmodifieddate ?? o.updatedAt),
    archived: o.archived ?? false,
    mergedInto: null,
    syncedAt: now,
  }
}

export function toCrmTicketValues(
  workspaceId: string,
  o: CrmObject,
  companyId: number | null,
  now: Date,
): CrmTicketValues {
  const p = o.properties
  return {
    workspaceId,
    hubspotId: Number(o.id),
    subject: text(p.subject),
    content: text(p.content),
    pipeline: text(p.hs_pipeline),
    stage: text(p.hs_pipeline_stage),
    priority: text(p.hs_ticket_priority),
    category: text(p.hs_ticket_category),
    sourceType: text(p.source_type),
    companyId,
    hsCreatedAt: parseHubspotDate(p.createdate ?? o.createdAt),
    hsUpdatedAt: parseHubspotDate(p.hs_lastmodifieddate ?? o.updatedAt),
    closedAt: parseHubspotDate(p.closed_date),
    timeToCloseMs: parseNumber(p.time_to_close),
    // Read once here, where a ticket's text changes, rather than on every scoring pass.
    textCues: readTicketCues(text(p.subject), text(p.content)),
    textCuesVersion: TICKET_CUES_VERSION,
    archived: o.archived ?? false,
    mergedInto: null,
    syncedAt: now,
  }
}
