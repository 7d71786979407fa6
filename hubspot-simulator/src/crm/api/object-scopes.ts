import type { CrmObjectType } from '../change-feed'

/** `tickets` covers ticket reads and writes (there is no crm.objects.tickets.* in HubSpot's specs). */
export const objectScopes: Record<CrmObjectType, { read: string[]; write: string[] }> = {
  tickets: { read: ['tickets'], write: ['tickets'] },
  companies: { read: ['crm.objects.companies.read'], write: ['crm.objects.companies.write'] },
  contacts: { read: ['crm.objects.contacts.read'], write: ['crm.objects.contacts.write'] },
  deals: { read: ['crm.objects.deals.read'], write: ['crm.objects.deals.write'] },
  // Tasks ride on the contacts scopes: SPEC/tasks names no crm.objects.tasks.write (facts §C).
  tasks: { read: ['crm.objects.contacts.read'], write: ['crm.objects.contacts.write'] },
}

/** Property definitions: reads accept the schemas scope or the objects read scope; writes need the schemas write scope. */
export const schemaScopes: Record<CrmObjectType, { read: string[]; write: string[] }> = {
  tickets: { read: ['crm.schemas.tickets.read', 'tickets'], write: ['crm.schemas.tickets.write'] },
  companies: {
    read: ['crm.schemas.companies.read', 'crm.objects.companies.read'],
    write: ['crm.schemas.companies.write'],
  },
  contacts: { read: ['crm.schemas.contacts.read', 'crm.objects.contacts.read'], write: ['crm.schemas.contacts.write'] },
  deals: { read: ['crm.schemas.deals.read', 'crm.objects.deals.read'], write: ['crm.schemas.deals.write'] },
  tasks: { read: ['crm.objects.contacts.read'], write: ['crm.schemas.contacts.write'] },
}

/** Deal pipelines (SPEC/pipelines lists these among the accepted scopes; any one will do). */
export const dealPipelineScopes = ['crm.objects.deals.read', 'crm.schemas.deals.read', 'crm.objects.deals.write']
