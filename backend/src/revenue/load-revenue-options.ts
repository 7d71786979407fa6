import type { RevenuePropertyOption, RevenueSettingsOptions } from '@churnlens/contracts'
import { DEALS_READ_SCOPE } from '@churnlens/contracts'
import type { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import type { CompanyPropertyDefinition } from '../integrations/hubspot/crm/list-company-properties'
import { listCompanyProperties } from '../integrations/hubspot/crm/list-company-properties'
import { listDealPipelines } from '../integrations/hubspot/crm/list-deal-pipelines'
import type { Result } from '../lib/result'
import { ok } from '../lib/result'

/**
 * Pure: the company properties that can hold revenue (numbers; HubSpot's currency fields are numbers too) and
 * a renewal date (date or date-time), by label, `annualrevenue` first since it is the default.
 */
export function toRevenuePropertyOptions(properties: readonly CompanyPropertyDefinition[]): {
  numberProperties: RevenuePropertyOption[]
  dateProperties: RevenuePropertyOption[]
} {
  const byLabel = (a: RevenuePropertyOption, b: RevenuePropertyOption) =>
    Number(b.name === 'annualrevenue') - Number(a.name === 'annualrevenue') || a.label.localeCompare(b.label)
  const pick = (types: string[]) =>
    properties
      .filter((p) => types.includes(p.type))
      .map(({ name, label }) => ({ name, label }))
      .sort(byLabel)
  return { numberProperties: pick(['number']), dateProperties: pick(['date', 'datetime']) }
}

/** What the connected portal offers the revenue and renewal sources: its company properties and deal pipelines. */
export async function loadRevenueOptions(
  client: HubspotClient,
  grantedScopes: readonly string[],
): Promise<Result<RevenueSettingsOptions, CrmCallError>> {
  const properties = await listCompanyProperties(client)
  if (!properties.ok) return properties
  const usable = toRevenuePropertyOptions(properties.value)
  const scopeMissing = { status: 'scope_missing' as const, scope: DEALS_READ_SCOPE }
  if (!grantedScopes.includes(DEALS_READ_SCOPE)) return ok({ ...usable, deals: scopeMissing })
  const pipelines = await listDealPipelines(client)
  if (!pipelines.ok) return pipelines.error === 'forbidden' ? ok({ ...usable, deals: scopeMissing }) : pipelines
  return ok({
    ...usable,
    deals: { status: 'available', pipelines: pipelines.value.map(({ id, label }) => ({ id, label })) },
  })
}
