import { z } from 'zod'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'

const ownerSchema = z.object({
  id: z.string(),
  email: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  archived: z.boolean(),
})

const ownersPageSchema = z.object({
  results: z.array(ownerSchema),
  paging: z.object({ next: z.object({ after: z.string() }) }).optional(),
})

export type HubspotOwner = z.infer<typeof ownerSchema>

/** One page of owners (the spec's default size, 100); HubSpot lists live owners or deactivated ones, never both. */
export function listOwnersRequest(archived: boolean, after: string | null): HubspotRequest {
  const query = new URLSearchParams({ limit: '100', archived: String(archived) })
  if (after) query.set('after', after)
  return { method: 'GET', path: `/crm/v3/owners?${query}` }
}

export const processOwnersPage = (response: Response) => processHubspotJson(response, ownersPageSchema)

/** Needs `crm.objects.owners.read` (403 without). */
export function listOwnersPage(client: HubspotClient, archived: boolean, after: string | null) {
  return client.call(listOwnersRequest(archived, after), processOwnersPage)
}
