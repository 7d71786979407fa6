import { z } from 'zod'
import type { HubspotClient, HubspotCallError } from '../../integrations/hubspot/client/hubspot-client'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'

export const scoreProperty = 'churnlens_risk_score'
export const bandProperty = 'churnlens_risk_band'

const definitions = [
  {
    name: scoreProperty, label: 'Churnlens risk score', type: 'number', fieldType: 'number', groupName: 'companyinformation',
    description: 'Churn risk from 0 (healthy) to 100, computed by Churnlens from support tickets.',
  },
  {
    name: bandProperty, label: 'Churnlens risk band', type: 'enumeration', fieldType: 'select', groupName: 'companyinformation',
    description: 'Churn risk band computed by Churnlens.',
    options: [
      { label: 'Low', value: 'low', displayOrder: 0 }, { label: 'Medium', value: 'medium', displayOrder: 1 }, { label: 'High', value: 'high', displayOrder: 2 },
    ],
  },
]

const created = z.object({ name: z.string() }).loose()

/** Creates the two company properties once; "already exists" (409) counts as done. */
export async function ensureScoreProperties(client: HubspotClient): Promise<Result<void, HubspotCallError | 'not_found'>> {
  for (const definition of definitions) {
    const response = await client.send('/crm/v3/properties/companies', { method: 'POST', body: definition })
    if (!response.ok) return err(response.error)
    const status = response.value.status
    if (status === 409) continue
    if (status === 403) return err('forbidden')
    if (status !== 201 && status !== 200) return err('hubspot_invalid_response')
    if (!created.safeParse(await response.value.json().catch(() => null)).success) return err('hubspot_invalid_response')
  }
  return ok(undefined)
}
