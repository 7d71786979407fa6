import { z } from 'zod'
import type { Result } from '../../../lib/result'
import { ok } from '../../../lib/result'
import type { HubspotClient } from '../client/hubspot-client'
import type { HubspotRequest } from '../client/hubspot-request'
import { processHubspotJson } from '../client/process-hubspot-json'
import type { CrmCallError } from './crm-call-error'

const propertiesSchema = z.object({
  results: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      fieldType: z.string().optional(),
      hidden: z.boolean().optional(),
      archived: z.boolean().optional(),
      options: z.array(z.object({ value: z.string(), label: z.string(), hidden: z.boolean().optional() })).optional(),
    }),
  ),
})

export interface CompanyPropertyDefinition {
  name: string
  label: string
  /** HubSpot's data type: enumeration, bool, date, datetime, string, number, … */
  type: string
  options: { value: string; label: string }[]
}

export const companyPropertiesRequest: HubspotRequest = { method: 'GET', path: '/crm/v3/properties/companies' }

export async function processCompanyProperties(
  response: Response,
): Promise<Result<CompanyPropertyDefinition[], CrmCallError>> {
  const parsed = await processHubspotJson(response, propertiesSchema)
  if (!parsed.ok) return parsed
  return ok(
    parsed.value.results
      .filter((property) => !property.hidden && !property.archived)
      .map((property) => ({
        name: property.name,
        label: property.label,
        type: property.type,
        options: (property.options ?? []).filter((o) => !o.hidden).map(({ value, label }) => ({ value, label })),
      })),
  )
}

/** The portal's company properties, custom ones included (lifecycle stages are customisable). */
export function listCompanyProperties(client: HubspotClient) {
  return client.call(companyPropertiesRequest, processCompanyProperties)
}
