import type { RevenueSettings, RevenueSourceLabel } from '@churnlens/contracts'
import { DEALS_READ_SCOPE } from '@churnlens/contracts'
import type { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { listCompanyProperties } from '../integrations/hubspot/crm/list-company-properties'
import type { DealPipeline } from '../integrations/hubspot/crm/list-deal-pipelines'
import { listDealPipelines } from '../integrations/hubspot/crm/list-deal-pipelines'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'

export type RevenueCheckError =
  | CrmCallError
  | 'deals_scope_missing'
  | 'unknown_property'
  | 'not_a_number_property'
  | 'not_a_date_property'
  | 'unknown_pipeline'

/**
 * Checks a choice against the portal before it is saved (the property exists and holds numbers or dates, the
 * pipeline exists, deals may be read), and answers how it reads, with HubSpot's labels.
 */
export async function checkRevenueSettings(
  client: HubspotClient,
  grantedScopes: readonly string[],
  settings: RevenueSettings,
): Promise<Result<RevenueSourceLabel, RevenueCheckError>> {
  const { revenue, renewal } = settings
  let properties: Map<string, { label: string; type: string }> = new Map()
  if (revenue.kind === 'property' || renewal.kind === 'property') {
    const listed = await listCompanyProperties(client)
    if (!listed.ok) return listed
    properties = new Map(listed.value.map((p) => [p.name, p]))
  }
  let pipelines: DealPipeline[] = []
  if (revenue.kind === 'deals' || renewal.kind === 'deals') {
    if (!grantedScopes.includes(DEALS_READ_SCOPE)) return err('deals_scope_missing')
    const listed = await listDealPipelines(client)
    if (!listed.ok) return err(listed.error === 'forbidden' ? 'deals_scope_missing' : listed.error)
    pipelines = listed.value
  }
  const pipelineLabel = (id: string) => pipelines.find((p) => p.id === id)?.label ?? null

  let revenueLabel: string
  if (revenue.kind === 'property') {
    const property = properties.get(revenue.property)
    if (!property) return err('unknown_property')
    if (property.type !== 'number') return err('not_a_number_property')
    revenueLabel = `${property.label} (${revenue.property})`
  } else {
    const label = pipelineLabel(revenue.pipelineId)
    if (label === null) return err('unknown_pipeline')
    revenueLabel = `open deals in ${label}`
  }

  let renewalLabel: string | null = null
  if (renewal.kind === 'property') {
    const property = properties.get(renewal.property)
    if (!property) return err('unknown_property')
    if (property.type !== 'date' && property.type !== 'datetime') return err('not_a_date_property')
    renewalLabel = `${property.label} (${renewal.property})`
  } else if (renewal.kind === 'deals') {
    const label = pipelineLabel(renewal.pipelineId)
    if (label === null) return err('unknown_pipeline')
    renewalLabel = `the next open deal in ${label}`
  }
  return ok({ revenue: revenueLabel, renewal: renewalLabel })
}
