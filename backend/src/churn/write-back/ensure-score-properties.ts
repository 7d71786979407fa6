import type { HubspotClient } from '../../integrations/hubspot/client/hubspot-client'
import type { CrmCallError } from '../../integrations/hubspot/crm/crm-call-error'
import type { PropertyDefinition } from '../../integrations/hubspot/crm/create-company-property'
import { createCompanyProperty } from '../../integrations/hubspot/crm/create-company-property'
import type { Result } from '../../lib/result'
import { ok } from '../../lib/result'

export const scoreProperty = 'churnlens_risk_score'
export const bandProperty = 'churnlens_risk_band'

const definitions: PropertyDefinition[] = [
  {
    name: scoreProperty,
    label: 'Churnlens risk score',
    type: 'number',
    fieldType: 'number',
    groupName: 'companyinformation',
    description: 'Churn risk from 0 (healthy) to 100, computed by Churnlens from support tickets.',
  },
  {
    name: bandProperty,
    label: 'Churnlens risk band',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'companyinformation',
    description: 'Churn risk band computed by Churnlens.',
    options: [
      { label: 'Low', value: 'low', displayOrder: 0 },
      { label: 'Medium', value: 'medium', displayOrder: 1 },
      { label: 'High', value: 'high', displayOrder: 2 },
    ],
  },
]

/** Creates the two company properties once, together; one that already exists counts as done. */
export async function ensureScoreProperties(client: HubspotClient): Promise<Result<void, CrmCallError>> {
  const created = await Promise.all(definitions.map((definition) => createCompanyProperty(client, definition)))
  return created.find((result) => !result.ok) ?? ok(undefined)
}
