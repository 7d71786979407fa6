import { DEFAULT_REVENUE_SETTINGS } from '@churnlens/contracts'
import { describe, expect, it } from 'vitest'
import { describeAlert } from '../alerts/describe-alert'
import type { DealWithCompanies } from '../integrations/hubspot/crm/list-renewal-deals'
import { toCrmCompanyValues } from '../sync/to-crm-values'
import { toRevenuePropertyOptions } from './load-revenue-options'
import { selectDealValues } from './select-deal-values'
import { summarizeRenewals } from './summarize-renewals'
import { syncPropertiesFor } from './sync-properties-for'

const now = new Date('2026-09-01T12:00:00Z')
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const deal = (dealId: number, extra: Partial<DealWithCompanies>): DealWithCompanies => ({
  dealId,
  pipelineId: 'renewals',
  stageId: 'open',
  closedAt: null,
  amount: null,
  companyIds: [1],
  ...extra,
})
const pipeline = { id: 'renewals', openStageIds: new Set(['open', 'at_risk']) }

describe('selectDealValues', () => {
  it('sums the amounts of open deals in the pipeline, leaving out closed stages and other pipelines', () => {
    const values = selectDealValues(
      [
        deal(1, { amount: 1000 }),
        deal(2, { amount: 250.5, stageId: 'at_risk' }),
        deal(3, { amount: 9999, stageId: 'won' }),
        deal(4, { amount: 7777, pipelineId: 'default' }),
        deal(5, { amount: 5, stageId: null }),
      ],
      pipeline,
      now,
    )
    expect(values.get(1)?.openAmount).toBe(1250.5)
  })

  it('keeps missing amounts missing: no amount is null, never 0, and does not hide the others', () => {
    const values = selectDealValues(
      [
        deal(1, { companyIds: [1] }),
        deal(2, { companyIds: [2], amount: 0 }),
        deal(3, { companyIds: [3] }),
        deal(4, { companyIds: [3], amount: 40 }),
      ],
      pipeline,
      now,
    )
    expect(values.get(1)).toEqual({ openAmount: null, nextCloseAt: null })
    expect(values.get(2)?.openAmount).toBe(0)
    expect(values.get(3)?.openAmount).toBe(40)
    expect(values.has(4)).toBe(false)
  })

  it('takes the next open deal: the soonest from today on, else the latest overdue one', () => {
    const values = selectDealValues(
      [
        deal(1, { companyIds: [1], closedAt: day('2027-03-01') }),
        deal(2, { companyIds: [1], closedAt: day('2026-10-15') }),
        deal(3, { companyIds: [1], closedAt: day('2026-08-01') }),
        deal(4, { companyIds: [1], closedAt: day('2026-12-01'), stageId: 'lost' }),
        deal(5, { companyIds: [2], closedAt: day('2026-06-01') }),
        deal(6, { companyIds: [2], closedAt: day('2026-08-20') }),
        // Due today (midnight UTC, before now): still upcoming.
        deal(7, { companyIds: [3], closedAt: day('2026-09-01') }),
        deal(8, { companyIds: [3], closedAt: day('2026-09-30') }),
      ],
      pipeline,
      now,
    )
    expect(values.get(1)?.nextCloseAt).toBe(day('2026-10-15'))
    expect(values.get(2)?.nextCloseAt).toBe(day('2026-08-20'))
    expect(values.get(3)?.nextCloseAt).toBe(day('2026-09-01'))
  })

  it('counts a deal on two companies for each', () => {
    const values = selectDealValues([deal(1, { companyIds: [1, 2], amount: 300 })], pipeline, now)
    expect([values.get(1)?.openAmount, values.get(2)?.openAmount]).toEqual([300, 300])
  })
})

describe('toCrmCompanyValues with the chosen sources', () => {
  const company = (properties: Record<string, string | null>) => ({ id: '10', properties, archived: false })

  it('reads annualrevenue by default and clears the renewal date', () => {
    const values = toCrmCompanyValues('w', company({ annualrevenue: '120000', arr: '5' }), now)
    expect(values.revenue).toBe(120000)
    expect(values.renewalAt).toBeNull()
  })

  it('reads a custom number and date property; empty is missing, not 0', () => {
    const sources = {
      revenue: { kind: 'property', property: 'arr' },
      renewal: { kind: 'property', property: 'renewal_date' },
    } as const
    const filled = toCrmCompanyValues('w', company({ arr: '48000.5', renewal_date: '2026-12-24' }), now, sources)
    expect(filled.revenue).toBe(48000.5)
    expect(filled.renewalAt?.toISOString()).toBe('2026-12-24T00:00:00.000Z')
    const empty = toCrmCompanyValues('w', company({ arr: '', renewal_date: null, annualrevenue: '9' }), now, sources)
    expect(empty.revenue).toBeNull()
    expect(empty.renewalAt).toBeNull()
  })

  it('leaves the columns a deals source gives out, so the upsert keeps what the recompute job wrote', () => {
    const values = toCrmCompanyValues('w', company({ annualrevenue: '120000' }), now, {
      revenue: { kind: 'deals', pipelineId: 'p' },
      renewal: { kind: 'deals', pipelineId: 'p' },
    })
    expect('revenue' in values).toBe(false)
    expect('renewalAt' in values).toBe(false)
  })

  it('asks the syncs for the chosen properties only', () => {
    expect(syncPropertiesFor(DEFAULT_REVENUE_SETTINGS)).toEqual(['annualrevenue'])
    expect(
      syncPropertiesFor({
        revenue: { kind: 'deals', pipelineId: 'p' },
        renewal: { kind: 'property', property: 'renewal_date' },
      }),
    ).toEqual(['renewal_date'])
  })
})

describe('toRevenuePropertyOptions', () => {
  it('offers number properties (annualrevenue first) for revenue and date/datetime ones for renewals', () => {
    const options = toRevenuePropertyOptions([
      { name: 'name', label: 'Company name', type: 'string', options: [] },
      { name: 'numberofemployees', label: 'Number of Employees', type: 'number', options: [] },
      { name: 'arr', label: 'ARR', type: 'number', options: [] },
      { name: 'annualrevenue', label: 'Annual Revenue', type: 'number', options: [] },
      { name: 'renewal_date', label: 'Renewal date', type: 'date', options: [] },
      { name: 'notes_last_updated', label: 'Last Activity Date', type: 'datetime', options: [] },
    ])
    expect(options.numberProperties.map((p) => p.name)).toEqual(['annualrevenue', 'arr', 'numberofemployees'])
    expect(options.dateProperties.map((p) => p.name)).toEqual(['notes_last_updated', 'renewal_date'])
  })
})

describe('summarizeRenewals', () => {
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`)
  const renewal = (companyId: number, band: 'low' | 'medium' | 'high', iso: string, revenue: number | null) => ({
    companyId,
    name: `C${companyId}`,
    band,
    score: band === 'high' ? 80 : band === 'medium' ? 50 : 10,
    renewalAt: at(iso),
    revenue,
  })

  it('counts and sums renewals per window and band, missing revenue apart, and lists the nearest at risk', () => {
    const summary = summarizeRenewals(
      [
        renewal(1, 'high', '2026-09-10', 1000),
        renewal(2, 'high', '2026-10-20', null),
        renewal(3, 'medium', '2026-09-05', 500),
        renewal(4, 'low', '2026-09-02', 50),
        renewal(5, 'high', '2026-11-25', 2000),
        renewal(6, 'high', '2026-08-31', 9999),
      ],
      now,
      true,
    )
    const [thirty, sixty, ninety] = summary.windows
    expect(thirty).toMatchObject({ days: 30, count: 3, revenue: 1550, withRevenue: 3 })
    expect(thirty?.byBand.find((b) => b.band === 'high')).toEqual({
      band: 'high',
      count: 1,
      revenue: 1000,
      withRevenue: 1,
    })
    expect(sixty).toMatchObject({ days: 60, count: 4, revenue: 1550, withRevenue: 3 })
    expect(sixty?.byBand.find((b) => b.band === 'high')).toEqual({
      band: 'high',
      count: 2,
      revenue: 1000,
      withRevenue: 1,
    })
    expect(ninety).toMatchObject({ days: 90, count: 5, revenue: 3550, withRevenue: 4 })
    expect(summary.nearest.map((r) => r.companyId)).toEqual([3, 1, 2, 5])
    expect(summary.nearest[2]).toMatchObject({ revenue: null, renewalAt: '2026-10-20T00:00:00.000Z' })
  })
})

describe('describeAlert for a renewal', () => {
  it('names the renewal day and the score', () => {
    expect(
      describeAlert({
        event: 'renewal_due_high',
        companyName: 'Acme',
        score: 82,
        from: null,
        occurredAt: new Date('2026-12-24T00:00:00Z'),
      }),
    ).toBe('Acme renews on 2026-12-24 at high churn risk (score 82).')
  })
})
