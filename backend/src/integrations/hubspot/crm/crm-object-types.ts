/** The HubSpot object types Churnlens reads, and what it reads of each. Contacts name their last-modified property differently. */
export const crmObjectTypes = ['companies', 'contacts', 'tickets'] as const
export type CrmObjectType = (typeof crmObjectTypes)[number]

export const syncedProperties: Record<CrmObjectType, string[]> = {
  companies: [
    'name',
    'domain',
    'industry',
    'hubspot_owner_id',
    'annualrevenue',
    'createdate',
    'hs_lastmodifieddate',
    'hs_merged_object_ids',
  ],
  contacts: ['email', 'firstname', 'lastname', 'createdate', 'lastmodifieddate', 'hs_merged_object_ids'],
  tickets: [
    'subject',
    'content',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_priority',
    'hs_ticket_category',
    'source_type',
    'createdate',
    'hs_lastmodifieddate',
    'closed_date',
    'time_to_close',
    'hs_merged_object_ids',
  ],
}

/** What a sync requests of a type: its own properties, plus for companies the ones the revenue sources read. */
export function requestedProperties(type: CrmObjectType, companyExtras: readonly string[]): string[] {
  if (type !== 'companies') return syncedProperties[type]
  return [...new Set([...syncedProperties.companies, ...companyExtras])]
}

export const lastModifiedProperty: Record<CrmObjectType, string> = {
  companies: 'hs_lastmodifieddate',
  contacts: 'lastmodifieddate',
  tickets: 'hs_lastmodifieddate',
}

/** Which company a record belongs to, through HubSpot's associations (primary first). */
export const companyAssociation: Partial<Record<CrmObjectType, { primaryTypeId: number }>> = {
  tickets: { primaryTypeId: 26 },
  contacts: { primaryTypeId: 1 },
}
