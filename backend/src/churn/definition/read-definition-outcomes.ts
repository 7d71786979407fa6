import type { ChurnDefinition } from '@churnlens/contracts'
import { DEALS_READ_SCOPE } from '@churnlens/contracts'
import type { Result } from '../../lib/result'
import { err, ok } from '../../lib/result'
import type { HubspotClient } from '../../integrations/hubspot/client/hubspot-client'
import type { CrmCallError } from '../../integrations/hubspot/crm/crm-call-error'
import { listCompanyProperties } from '../../integrations/hubspot/crm/list-company-properties'
import { listDealPipelines } from '../../integrations/hubspot/crm/list-deal-pipelines'
import { listPropertyHistoryPage } from '../../integrations/hubspot/crm/list-property-history'
import { listDealsPage } from '../../integrations/hubspot/crm/list-renewal-deals'
import type { ChurnOutcome } from '../outcomes/churn-outcome'
import { outcomeFromDateProperty } from '../outcomes/outcome-from-date-property'
import type { RenewalDeal } from '../outcomes/outcome-from-deals'
import { outcomeFromDeals } from '../outcomes/outcome-from-deals'
import { outcomeFromPropertyHistory } from '../outcomes/outcome-from-property-history'

export type HubspotChurnDefinition = Exclude<ChurnDefinition, { kind: 'upload' }>

export type DefinitionReadError = CrmCallError | 'deals_scope_missing' | 'unknown_property' | 'unknown_pipeline'

export interface DefinitionReading {
  outcomes: ChurnOutcome[]
  /** Set when `maxPages` stopped the read early: how many records were read, of which kind. */
  partial: { read: number; unit: 'companies' | 'deals' } | null
}

const DATE_TYPES = new Set(['date', 'datetime'])

/**
 * Reads from HubSpot what a churn definition says about every company: a property's change history
 * (50 companies a page, HubSpot's limit with history), or the renewal deals of one pipeline. With
 * `maxPages`, reads only that many pages (a preview of a large portal) and says so.
 */
export async function readDefinitionOutcomes(
  client: HubspotClient,
  definition: HubspotChurnDefinition,
  grantedScopes: readonly string[],
  maxPages: number | null = null,
): Promise<Result<DefinitionReading, DefinitionReadError>> {
  if (definition.kind === 'deals') return readDealOutcomes(client, definition.pipelineId, grantedScopes, maxPages)

  const properties = await listCompanyProperties(client)
  if (!properties.ok) return properties
  const property = properties.value.find((p) => p.name === definition.property)
  if (!property || (definition.kind === 'date_property' && !DATE_TYPES.has(property.type)))
    return err('unknown_property')

  const outcomes: ChurnOutcome[] = []
  let after: string | null = null
  for (let pages = 0; ; pages++) {
    if (maxPages !== null && pages === maxPages)
      return ok({ outcomes, partial: { read: outcomes.length, unit: 'companies' } })
    const page = await listPropertyHistoryPage(client, definition.property, after)
    if (!page.ok) return page
    for (const company of page.value.companies) {
      const outcome =
        definition.kind === 'property'
          ? outcomeFromPropertyHistory(company.entries, definition.churnedValues)
          : outcomeFromDateProperty(company.entries)
      outcomes.push({ companyId: company.companyId, ...outcome })
    }
    after = page.value.after
    if (after === null) return ok({ outcomes, partial: null })
  }
}

async function readDealOutcomes(
  client: HubspotClient,
  pipelineId: string,
  grantedScopes: readonly string[],
  maxPages: number | null,
): Promise<Result<DefinitionReading, DefinitionReadError>> {
  if (!grantedScopes.includes(DEALS_READ_SCOPE)) return err('deals_scope_missing')
  const pipelines = await listDealPipelines(client)
  if (!pipelines.ok) return pipelines.error === 'forbidden' ? err('deals_scope_missing') : pipelines
  const pipeline = pipelines.value.find((p) => p.id === pipelineId)
  if (!pipeline || !pipeline.stages.some((s) => s.outcome === 'lost')) return err('unknown_pipeline')
  const stageOutcomes = new Map(pipeline.stages.map((s) => [s.id, s.outcome]))

  const dealsByCompany = new Map<number, RenewalDeal[]>()
  let read = 0
  let after: string | null = null
  for (let pages = 0; ; pages++) {
    if (maxPages !== null && pages === maxPages) break
    const page = await listDealsPage(client, after)
    if (!page.ok) return page.error === 'forbidden' ? err('deals_scope_missing') : page
    for (const deal of page.value.deals) {
      read += 1
      if (deal.pipelineId !== pipelineId) continue
      const outcome = stageOutcomes.get(deal.stageId ?? '') ?? 'open'
      for (const companyId of deal.companyIds) {
        const deals = dealsByCompany.get(companyId) ?? []
        deals.push({ closedAt: deal.closedAt, outcome })
        dealsByCompany.set(companyId, deals)
      }
    }
    after = page.value.after
    if (after === null) break
  }
  const outcomes = [...dealsByCompany].map(([companyId, deals]) => ({
    companyId,
    ...outcomeFromDeals(deals),
    unknown: false,
  }))
  return ok({ outcomes, partial: after === null ? null : { read, unit: 'deals' } })
}
