import type { ChurnDefinitionOptions, ChurnPropertyOption } from '@churnlens/contracts'
import { DEALS_READ_SCOPE } from '@churnlens/contracts'
import type { HubspotClient } from '../../integrations/hubspot/client/hubspot-client'
import type { CompanyPropertyDefinition } from '../../integrations/hubspot/crm/list-company-properties'
import { listCompanyProperties } from '../../integrations/hubspot/crm/list-company-properties'
import { listDealPipelines } from '../../integrations/hubspot/crm/list-deal-pipelines'
import type { CrmCallError } from '../../integrations/hubspot/crm/crm-call-error'
import type { Result } from '../../lib/result'
import { ok } from '../../lib/result'

/**
 * Pure: the properties that can mark churn. Ones with a fixed set of values (enumerations, checkboxes)
 * name churn by value; date properties hold the churn date. Lifecycle stage first: most teams use it.
 */
export function toChurnPropertyOptions(properties: readonly CompanyPropertyDefinition[]): ChurnPropertyOption[] {
  const usable: ChurnPropertyOption[] = []
  for (const property of properties) {
    if (property.type === 'date' || property.type === 'datetime')
      usable.push({ name: property.name, label: property.label, kind: 'date', options: [] })
    else if (property.type === 'bool')
      usable.push({
        name: property.name,
        label: property.label,
        kind: 'values',
        options:
          property.options.length > 0
            ? property.options
            : [
                { value: 'true', label: 'Yes' },
                { value: 'false', label: 'No' },
              ],
      })
    else if (property.type === 'enumeration' && property.options.length > 0)
      usable.push({ name: property.name, label: property.label, kind: 'values', options: property.options })
  }
  const rank = (p: ChurnPropertyOption) => (p.name === 'lifecyclestage' ? 0 : 1)
  return usable.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label))
}

/** What the connected portal offers a churn definition: its company properties and its renewal pipelines. */
export async function loadChurnDefinitionOptions(
  client: HubspotClient,
  grantedScopes: readonly string[],
): Promise<Result<ChurnDefinitionOptions, CrmCallError>> {
  const properties = await listCompanyProperties(client)
  if (!properties.ok) return properties
  const scopeMissing = { status: 'scope_missing' as const, scope: DEALS_READ_SCOPE }
  if (!grantedScopes.includes(DEALS_READ_SCOPE))
    return ok({ properties: toChurnPropertyOptions(properties.value), deals: scopeMissing })
  const pipelines = await listDealPipelines(client)
  if (!pipelines.ok) {
    if (pipelines.error !== 'forbidden') return pipelines
    return ok({ properties: toChurnPropertyOptions(properties.value), deals: scopeMissing })
  }
  return ok({
    properties: toChurnPropertyOptions(properties.value),
    deals: {
      status: 'available',
      pipelines: pipelines.value
        .map((p) => ({
          id: p.id,
          label: p.label,
          lostStages: p.stages.filter((s) => s.outcome === 'lost').map(({ id, label }) => ({ id, label })),
        }))
        .filter((p) => p.lostStages.length > 0),
    },
  })
}
