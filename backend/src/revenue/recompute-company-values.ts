import type { RevenueSettings } from '@churnlens/contracts'
import { errorMessages } from '@churnlens/contracts'
import { and, eq, sql } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import type { Queryable } from '../db/database'
import { crmCompanies, revenueSettings } from '../db/schema'
import { clientForWorkspace } from '../integrations/hubspot/client/client-for-workspace'
import type { HubspotClient } from '../integrations/hubspot/client/hubspot-client'
import type { CrmCallError } from '../integrations/hubspot/crm/crm-call-error'
import { listDealPipelines } from '../integrations/hubspot/crm/list-deal-pipelines'
import type { DealWithCompanies } from '../integrations/hubspot/crm/list-renewal-deals'
import { listDealsPage } from '../integrations/hubspot/crm/list-renewal-deals'
import { listObjects } from '../integrations/hubspot/crm/list-objects'
import type { Result } from '../lib/result'
import { err, ok } from '../lib/result'
import { parseAmount, parseHubspotDate } from '../sync/to-crm-values'
import { loadRevenueSettings } from './load-revenue-settings'
import { selectDealValues } from './select-deal-values'
import { syncPropertiesFor } from './sync-properties-for'

export type RecomputeOutcome =
  | { status: 'ready' | 'default' }
  | {
      status: 'failed'
      error: CrmCallError | 'not_connected' | 'needs_reauth' | 'unknown_pipeline' | 'deals_scope_missing'
    }

/** A company's new values; a field left out is kept as it is. */
interface CompanyValues {
  id: number
  revenue?: number | null
  renewalAt?: string | null
}

const CHUNK = 1000

/** Every company's chosen properties, page by page through the list API. */
async function readCompanyProperties(
  client: HubspotClient,
  settings: RevenueSettings,
): Promise<Result<Map<number, Record<string, string | null>>, CrmCallError>> {
  const values = new Map<number, Record<string, string | null>>()
  let after: string | null = null
  do {
    const page = await listObjects(client, 'companies', { properties: syncPropertiesFor(settings), after })
    if (!page.ok) return page
    for (const company of page.value.results) values.set(Number(company.id), company.properties)
    after = page.value.paging?.next.after ?? null
  } while (after)
  return ok(values)
}

/** Every deal with its companies, and the open stages of each pipeline. */
async function readDeals(
  client: HubspotClient,
): Promise<Result<{ deals: DealWithCompanies[]; openStages: Map<string, Set<string>> }, CrmCallError>> {
  const pipelines = await listDealPipelines(client)
  if (!pipelines.ok) return pipelines
  const openStages = new Map(
    pipelines.value.map((p) => [p.id, new Set(p.stages.filter((s) => s.outcome === 'open').map((s) => s.id))]),
  )
  const deals: DealWithCompanies[] = []
  let after: string | null = null
  do {
    const page = await listDealsPage(client, after)
    if (!page.ok) return page
    deals.push(...page.value.deals)
    after = page.value.after
  } while (after)
  return ok({ deals, openStages })
}

async function readValues(
  client: HubspotClient,
  settings: RevenueSettings,
  companyIds: readonly number[],
  now: Date,
): Promise<Result<CompanyValues[], CrmCallError | 'unknown_pipeline' | 'deals_scope_missing'>> {
  const { revenue, renewal } = settings
  const properties =
    revenue.kind === 'property' || renewal.kind === 'property' ? await readCompanyProperties(client, settings) : null
  if (properties && !properties.ok) return properties
  const deals = revenue.kind === 'deals' || renewal.kind === 'deals' ? await readDeals(client) : null
  // A deals scope withdrawn since the choice was saved: say so, rather than HubSpot's bare 403.
  if (deals && !deals.ok) return deals.error === 'forbidden' ? err('deals_scope_missing') : deals
  const byPipeline = (pipelineId: string) => {
    const openStageIds = deals?.ok ? deals.value.openStages.get(pipelineId) : undefined
    return openStageIds && deals?.ok ? selectDealValues(deals.value.deals, { id: pipelineId, openStageIds }, now) : null
  }
  const revenueDeals = revenue.kind === 'deals' ? byPipeline(revenue.pipelineId) : null
  const renewalDeals = renewal.kind === 'deals' ? byPipeline(renewal.pipelineId) : null
  if ((revenue.kind === 'deals' && !revenueDeals) || (renewal.kind === 'deals' && !renewalDeals))
    return err('unknown_pipeline')

  return ok(
    companyIds.flatMap((id): CompanyValues[] => {
      const props = properties?.ok ? properties.value.get(id) : undefined
      const row: CompanyValues = { id }
      // A company HubSpot did not list (archived since) keeps what the sync last read.
      if (revenue.kind === 'property') {
        if (props) row.revenue = parseAmount(props[revenue.property])
      } else row.revenue = revenueDeals?.get(id)?.openAmount ?? null
      if (renewal.kind === 'none') row.renewalAt = null
      else if (renewal.kind === 'property') {
        if (props) row.renewalAt = parseHubspotDate(props[renewal.property])?.toISOString() ?? null
      } else {
        const next = renewalDeals?.get(id)?.nextCloseAt ?? null
        row.renewalAt = next === null ? null : new Date(next).toISOString()
      }
      return row.revenue === undefined && row.renewalAt === undefined ? [] : [row]
    }),
  )
}

/** Writes the values in chunks of one statement each (a JSON recordset: the same on Postgres and PGlite). */
async function writeValues(db: Queryable, workspaceId: string, rows: readonly CompanyValues[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((r) => ({
      id: r.id,
      revenue: r.revenue ?? null,
      keep_revenue: r.revenue === undefined,
      renewal_at: r.renewalAt ?? null,
      keep_renewal: r.renewalAt === undefined,
    }))
    await db.execute(sql`
      update ${crmCompanies} set
        revenue = case when v.keep_revenue then ${crmCompanies.revenue} else v.revenue end,
        renewal_at = case when v.keep_renewal then ${crmCompanies.renewalAt} else v.renewal_at end
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as v(id bigint, revenue double precision, keep_revenue boolean, renewal_at timestamptz, keep_renewal boolean)
      where ${crmCompanies.workspaceId} = ${workspaceId} and ${crmCompanies.hubspotId} = v.id`)
  }
}

const messageOf = (error: string): string =>
  error in errorMessages ? errorMessages[error as keyof typeof errorMessages] : `HubSpot answered: ${error}.`

/**
 * Applies the workspace's revenue and renewal sources to every synced company: reads the chosen company
 * properties and/or the deals from HubSpot, then writes all companies in one transaction. A choice changed
 * while this ran wins: the read is dropped. Run on save, and after each sync pass when a source is deals.
 */
export async function recomputeCompanyValues(
  deps: Pick<
    AppDeps,
    'db' | 'clock' | 'logger' | 'fetch' | 'hubspot' | 'metrics' | 'budgets' | 'retryDelayScale' | 'tokens'
  >,
  workspaceId: string,
): Promise<RecomputeOutcome> {
  const { settings, row } = await loadRevenueSettings(deps.db, workspaceId)
  // The default (`annualrevenue`, no renewal) is what the syncs write on their own.
  if (!row) return { status: 'default' }
  const sameChoice = and(eq(revenueSettings.workspaceId, workspaceId), eq(revenueSettings.setAt, row.setAt))
  const companies = await deps.db
    .select({ id: crmCompanies.hubspotId })
    .from(crmCompanies)
    .where(eq(crmCompanies.workspaceId, workspaceId))
  const hubspot = await clientForWorkspace(deps, workspaceId)
  const values = hubspot.ok
    ? await readValues(
        hubspot.value.client,
        settings,
        companies.map((c) => c.id),
        deps.clock.now(),
      )
    : hubspot
  if (!values.ok) {
    await deps.db
      .update(revenueSettings)
      .set({ recomputeStatus: 'failed', recomputeError: messageOf(values.error) })
      .where(sameChoice)
    deps.logger.warn({ workspaceId, error: values.error }, 'company revenue and renewals could not be recomputed')
    return { status: 'failed', error: values.error }
  }
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ setAt: revenueSettings.setAt })
      .from(revenueSettings)
      .where(sameChoice)
      .for('update')
    if (!current) return
    await writeValues(tx, workspaceId, values.value)
    await tx
      .update(revenueSettings)
      .set({ recomputeStatus: 'ready', recomputedAt: deps.clock.now(), recomputeError: null })
      .where(sameChoice)
  })
  return { status: 'ready' }
}
