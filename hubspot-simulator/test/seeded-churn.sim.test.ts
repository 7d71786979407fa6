import { describe, expect, it } from 'vitest'
import type { GroundTruthEntry, Simulator } from '../src/index'
import { api, control, crmSimulator, privateToken } from './crm-helpers'
import { connect } from './helpers'

interface ApiRecord {
  id: string
  properties: Record<string, string | null>
  propertiesWithHistory?: Record<
    string,
    { value: string; timestamp: string; sourceType: string; updatedByUserId?: number }[]
  >
  associations?: Record<string, { results: { id: string; type: string }[] }>
}

/** Every company of a portal with the given properties and histories, through the list API (50 a page with history). */
async function allCompanies(sim: Simulator, token: string, properties: string, history: string): Promise<ApiRecord[]> {
  const companies: ApiRecord[] = []
  let after = ''
  for (let page = 0; page < 100; page++) {
    const answer = await api(
      sim,
      token,
      'GET',
      `/crm/v3/objects/companies?limit=50&properties=${properties}&propertiesWithHistory=${history}${after ? `&after=${after}` : ''}`,
    )
    companies.push(...((answer.body.results ?? []) as unknown as ApiRecord[]))
    const next = (answer.body.paging as { next?: { after: string } } | undefined)?.next
    if (!next) break
    after = next.after
  }
  return companies
}

async function allDeals(sim: Simulator, token: string): Promise<ApiRecord[]> {
  const deals: ApiRecord[] = []
  let after = ''
  for (let page = 0; page < 100; page++) {
    const answer = await api(
      sim,
      token,
      'GET',
      `/crm/v3/objects/deals?limit=100&associations=companies&properties=dealname,pipeline,dealstage,closedate,hs_is_closed,hs_is_closed_won,hs_is_closed_lost,closed_lost_reason${after ? `&after=${after}` : ''}`,
    )
    deals.push(...((answer.body.results ?? []) as unknown as ApiRecord[]))
    const next = (answer.body.paging as { next?: { after: string } } | undefined)?.next
    if (!next) break
    after = next.after
  }
  return deals
}

const day = (iso: string | null | undefined): string => (iso ?? '').slice(0, 10)

describe('seeded portals: ground truth and churn the way HubSpot shows it', () => {
  it('seeds northwind 300 companies / 5,000 tickets, globex 120 / 2,000, initech 40 / 700, each with deals', () => {
    const sim = crmSimulator()
    const northwind = sim.control.crmStats(2000001)
    expect(northwind).toMatchObject({ companies: 300, tickets: 5000 })
    expect(northwind?.contacts).toBeGreaterThan(900)
    expect(northwind?.contacts).toBeLessThan(1200)
    expect(northwind?.deals).toBeGreaterThan(600)
    expect(sim.control.crmStats(2000002)).toMatchObject({ companies: 120, tickets: 2000 })
    expect(sim.control.crmStats(2000003)).toMatchObject({ companies: 40, tickets: 700 })
  })

  it('serves ground truth by company id: signing date, past churn date, churn within the 90 days after now', async () => {
    const sim = crmSimulator()
    const answer = await control(sim, 'GET', '/portals/2000001/ground-truth')
    expect(answer.status).toBe(200)
    const truth = answer.body as unknown as { asOf: string; horizonDays: number; companies: GroundTruthEntry[] }
    expect(truth.asOf).toBe('2026-09-01T12:00:00.000Z')
    expect(truth.horizonDays).toBe(90)
    expect(truth.companies).toHaveLength(300)
    expect(truth.companies[0]).toEqual({
      companyId: '10000000001',
      customerSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/),
      churnedAt: truth.companies[0]?.churnedAt === null ? null : expect.any(String),
      churnsWithinHorizon: expect.any(Boolean),
      churnAt: truth.companies[0]?.churnAt === null ? null : expect.any(String),
      cause: truth.companies[0]?.cause === null ? null : expect.any(String),
    })
    const past = truth.companies.filter((entry) => entry.churnedAt !== null)
    const positives = truth.companies.filter((entry) => entry.churnsWithinHorizon)
    expect(past.length).toBeGreaterThan(30)
    expect(positives.length).toBeGreaterThan(4)
    for (const entry of positives) {
      expect(entry.churnedAt).toBeNull()
      expect(Date.parse(entry.churnAt ?? '')).toBeLessThanOrEqual(Date.parse(truth.asOf) + 90 * 86_400_000)
    }
    expect(crmSimulator().control.groundTruth(2000001)).toEqual(truth)
    expect((await control(sim, 'GET', '/portals/9/ground-truth')).status).toBe(404)
  })

  it('northwind marks churn with its own lifecycle stage and a churn date, by a person, days after', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim, 2000001)
    const definitions = await api(sim, token, 'GET', '/crm/v3/properties/companies')
    const byName = new Map(
      (definitions.body.results as { name: string; type: string; options: { value: string; label: string }[] }[]).map(
        (definition) => [definition.name, definition],
      ),
    )
    expect(byName.get('lifecyclestage')?.options.map((option) => option.value)).toEqual([
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      'other',
      '1024653',
    ])
    expect(byName.get('lifecyclestage')?.options.at(-1)?.label).toBe('Former customer')
    expect(byName.get('churn_date')).toMatchObject({ type: 'date', createdUserId: expect.any(String) })
    expect(byName.get('churn_date')).not.toHaveProperty('hubspotDefined')
    expect(byName.has('churned')).toBe(false)

    const truth = new Map(sim.control.groundTruth(2000001)?.companies.map((entry) => [entry.companyId, entry]))
    const companies = await allCompanies(sim, token, 'name,lifecyclestage,churn_date', 'lifecyclestage')
    expect(companies).toHaveLength(300)
    let marked = 0
    for (const company of companies) {
      const entry = truth.get(company.id)
      const stages = company.propertiesWithHistory?.lifecyclestage ?? []
      expect(
        stages
          .map((change) => change.value)
          .reverse()
          .slice(0, 3),
      ).toEqual(['lead', 'opportunity', 'customer'])
      if (!entry?.churnedAt) {
        expect(company.properties).toMatchObject({ lifecyclestage: 'customer', churn_date: null })
        continue
      }
      if (company.properties.lifecyclestage === 'customer') continue
      marked += 1
      expect(company.properties).toMatchObject({ lifecyclestage: '1024653', churn_date: day(entry.churnedAt) })
      const change = stages[0]
      expect(change).toMatchObject({
        value: '1024653',
        sourceType: 'CRM_UI',
        updatedByUserId: sim.portals[0]?.users[0]?.userId,
      })
      expect(Date.parse(change?.timestamp ?? '') - Date.parse(entry.churnedAt)).toBeGreaterThanOrEqual(0)
      expect(Date.parse(change?.timestamp ?? '') - Date.parse(entry.churnedAt)).toBeLessThanOrEqual(10 * 86_400_000)
    }
    const churned = [...truth.values()].filter((entry) => entry.churnedAt !== null).length
    expect(marked).toBeGreaterThan(churned * 0.8)
  })

  it('globex has a workflow set `other` and a `churned` checkbox on the churn date', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim, 2000002)
    const truth = new Map(sim.control.groundTruth(2000002)?.companies.map((entry) => [entry.companyId, entry]))
    const companies = await allCompanies(sim, token, 'lifecyclestage,churned', 'lifecyclestage,churned')
    const churners = companies.filter((company) => truth.get(company.id)?.churnedAt)
    expect(churners.length).toBeGreaterThan(5)
    for (const company of churners) {
      const churnedAt = truth.get(company.id)?.churnedAt ?? ''
      expect(company.properties).toMatchObject({ lifecyclestage: 'other', churned: 'true' })
      expect(company.propertiesWithHistory?.churned).toEqual([
        { value: 'true', timestamp: churnedAt, sourceType: 'AUTOMATION_PLATFORM' },
      ])
    }
    for (const company of companies.filter((candidate) => !truth.get(candidate.id)?.churnedAt))
      expect(company.properties.churned).toBeNull()
  })

  it('gives each customer renewal deals: won while it stayed, lost on its churn date, open for the next renewal', async () => {
    const sim = crmSimulator()
    const { access_token: token } = await connect(sim, '2000001', { optional_scope: 'crm.objects.deals.read' })
    const pipelines = await api(sim, token, 'GET', '/crm/v3/pipelines/deals')
    const renewals = (pipelines.body.results as { id: string; label: string }[]).find(
      (pipeline) => pipeline.label === 'Renewals',
    )
    const deals = (await allDeals(sim, token)).filter((deal) => deal.properties.pipeline === renewals?.id)
    const byCompany = new Map<string, ApiRecord[]>()
    for (const deal of deals) {
      const companyId = deal.associations?.companies?.results[0]?.id ?? ''
      expect(deal.associations?.companies?.results.map((link) => link.type)).toEqual([
        'deal_to_company',
        'deal_to_company_unlabeled',
      ])
      byCompany.set(companyId, [...(byCompany.get(companyId) ?? []), deal])
    }
    const truth = sim.control.groundTruth(2000001)?.companies ?? []
    const now = Date.parse('2026-09-01T12:00:00.000Z')
    for (const entry of truth) {
      const own = byCompany.get(entry.companyId) ?? []
      const lost = own.filter((deal) => deal.properties.hs_is_closed_lost === 'true')
      const open = own.filter((deal) => deal.properties.hs_is_closed === 'false')
      if (entry.churnedAt) {
        expect(lost).toHaveLength(1)
        expect(lost[0]?.properties.closedate).toBe(entry.churnedAt)
        expect(open).toHaveLength(0)
      } else {
        expect(lost).toHaveLength(0)
        expect(open).toHaveLength(1)
        expect(Date.parse(open[0]?.properties.closedate ?? '')).toBeGreaterThan(now)
      }
      // One renewal a contract year: those already renewed are won.
      for (const deal of own.filter((candidate) => candidate.properties.hs_is_closed_won === 'true'))
        expect(Date.parse(deal.properties.closedate ?? '')).toBeLessThanOrEqual(now)
    }
    expect(deals.some((deal) => deal.properties.hs_is_closed_won === 'true')).toBe(true)
    const lostDeal = deals.find((deal) => deal.properties.hs_is_closed_lost === 'true')
    const history = await api(
      sim,
      token,
      'GET',
      `/crm/v3/objects/deals/${lostDeal?.id ?? ''}?propertiesWithHistory=dealstage,hs_is_closed_lost`,
    )
    const changes = history.body.propertiesWithHistory as Record<
      string,
      { value: string; timestamp: string; sourceType: string }[]
    >
    expect(changes.dealstage?.[0]?.value).toBe(lostDeal?.properties.dealstage)
    expect(changes.hs_is_closed_lost?.[0]).toEqual({
      value: 'true',
      timestamp: changes.dealstage?.[0]?.timestamp,
      sourceType: 'CALCULATED',
    })
    expect(changes.hs_is_closed_lost?.at(-1)?.value).toBe('false')
    const sales = await api(sim, token, 'POST', '/crm/v3/objects/deals/search', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'pipeline', operator: 'EQ', value: 'default' },
            { propertyName: 'dealstage', operator: 'EQ', value: 'closedwon' },
          ],
        },
      ],
      limit: 1,
    })
    expect(sales.body.total).toBeGreaterThanOrEqual(300)
  })

  it('records contract value and renewal in custom properties: `arr` on most companies, `renewal_date` on most current customers, the day their open renewal deal closes', async () => {
    const sim = crmSimulator()
    const { access_token: token } = await connect(sim, '2000001', { optional_scope: 'crm.objects.deals.read' })
    const definitions = await api(sim, token, 'GET', '/crm/v3/properties/companies')
    const byName = new Map(
      (definitions.body.results as { name: string; type: string; label: string }[]).map((p) => [p.name, p]),
    )
    expect(byName.get('arr')).toMatchObject({ type: 'number', label: 'ARR' })
    expect(byName.get('renewal_date')).toMatchObject({ type: 'date', label: 'Renewal date' })

    const companies = await allCompanies(sim, token, 'arr,renewal_date', 'arr')
    const truth = new Map((sim.control.groundTruth(2000001)?.companies ?? []).map((t) => [t.companyId, t]))
    const withArr = companies.filter((c) => c.properties.arr)
    expect(withArr.length).toBeGreaterThan(companies.length * 0.75)
    expect(withArr.length).toBeLessThan(companies.length)
    for (const company of withArr) expect(Number(company.properties.arr)).toBeGreaterThan(0)

    const pipelines = await api(sim, token, 'GET', '/crm/v3/pipelines/deals')
    const renewalsId = (pipelines.body.results as { id: string; label: string }[]).find(
      (p) => p.label === 'Renewals',
    )?.id
    const renewals = (await allDeals(sim, token)).filter(
      (deal) => deal.properties.pipeline === renewalsId && deal.properties.hs_is_closed === 'false',
    )
    const openCloseDay = new Map(
      renewals.map((deal) => [deal.associations?.companies?.results[0]?.id ?? '', day(deal.properties.closedate)]),
    )
    const current = companies.filter((c) => !truth.get(c.id)?.churnedAt)
    const dated = current.filter((c) => c.properties.renewal_date)
    expect(dated.length).toBeGreaterThan(current.length * 0.7)
    expect(dated.length).toBeLessThan(current.length)
    for (const company of dated) {
      expect(company.properties.renewal_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(company.properties.renewal_date).toBe(openCloseDay.get(company.id))
    }
    // Former customers have no renewal ahead.
    for (const company of companies.filter((c) => truth.get(c.id)?.churnedAt))
      expect(company.properties.renewal_date ?? null).toBeNull()
  })

  it('creates portals over HTTP with their own token and data; reset removes them', async () => {
    const sim = crmSimulator()
    const created = await control(sim, 'POST', '/portals', {
      companies: 20,
      tickets: 300,
      annualChurnRate: 0.3,
      seed: 'bench',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      portalId: 2000004,
      hubDomain: 'portal-2000004-demo.com',
      privateAppToken: expect.stringMatching(/^pat-na1-/),
      counts: { companies: 20, tickets: 300, deals: expect.any(Number) },
    })
    expect(sim.control.groundTruth(2000004)?.companies).toHaveLength(20)
    expect((await control(sim, 'POST', '/portals', { companies: 0, tickets: 1 })).status).toBe(400)
    expect((await control(sim, 'POST', '/portals', { companies: 5, tickets: 1, churnShare: 0.1 })).status).toBe(400)
    sim.control.reset()
    expect(sim.portals.map((portal) => portal.portalId)).toEqual([2000001, 2000002, 2000003])
    expect(sim.control.crmStats(2000004)).toBeUndefined()
  })
})
