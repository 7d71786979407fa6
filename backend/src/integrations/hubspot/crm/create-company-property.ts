import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { err, ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import type { CrmCallError } from './crm-call-error'

/** A company property as HubSpot's properties API takes it. */
export interface PropertyDefinition {
  name: string
  label: string
  type: 'number' | 'enumeration' | 'string'
  fieldType: 'number' | 'select' | 'text'
  groupName: string
  description: string
  options?: { label: string; value: string; displayOrder: number }[]
}

const created = z.object({ name: z.string() }).loose()

export function createCompanyPropertyRequest(definition: PropertyDefinition): HubspotRequest {
  return { method: 'POST', path: '/crm/v3/properties/companies', body: definition }
}

/** "Already exists" (409) is as good as created: the property is there either way. */
export async function processPropertyCreation(response: Response): Promise<Result<'created' | 'exists', CrmCallError>> {
  if (response.status === 409) return ok('exists')
  if (response.status === 403) return err('forbidden')
  if (response.status !== 201 && response.status !== 200) return err('hubspot_invalid_response')
  return created.safeParse(await response.json().catch(() => null)).success
    ? ok('created')
    : err('hubspot_invalid_response')
}

export function createCompanyProperty(
  client: HubspotClient,
  definition: PropertyDefinition,
): Promise<Result<'created' | 'exists', CrmCallError>> {
  return client.call(createCompanyPropertyRequest(definition), processPropertyCreation)
}
