import { describe, expect, it } from 'vitest'
import type { Simulator } from '../src/index'
import { api, crmSimulator, privateToken } from './crm-helpers'
import { connect } from './helpers'

const dealScopes = ['tickets', 'crm.objects.companies.read', 'crm.objects.contacts.read', 'crm.objects.deals.read']

/** A portal whose private-app token may read deals (the seeded tokens may not). */
function dealsPortal(sim: Simulator): { portalId: number; token: string } {
  const portal = sim.control.createPortal({ companies: 30, tickets: 300, seed: 'deals', privateAppScopes: dealScopes })
  return { portalId: portal.portalId, token: portal.privateAppToken }
}

async function writeToken(sim: Simulator, portalId: number): Promise<string> {
  const { access_token: token } = await connect(sim, String(portalId))
  sim.control.setGrantedScopes(portalId, [
    'oauth',
    'crm.objects.companies.read',
    'crm.objects.deals.read',
    'crm.objects.deals.write',
  ])
  return token
}

describe('deals', () => {
  it("serves HubSpot's default Sales Pipeline and a Renewals pipeline with numeric ids that differ per portal", async () => {
    const sim = crmSimulator()
    const { portalId, token } = dealsPortal(sim)
    const answer = await api(sim, token, 'GET', '/crm/v3/pipelines/deals')
    expect(answer.status).toBe(200)
    const [sales, renewals] = answer.body.results as {
      id: string
      label: string
      createdAt: string
      stages: {
        id: string
        label: string
        displayOrder: number
        metadata: Record<string, string>
        writePermissions: string
        createdAt: string
      }[]
    }[]
    expect(sales).toMatchObject({
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      createdAt: '1970-01-01T00:00:00Z',
      updatedAt: '1970-01-01T00:00:00Z',
      archived: false,
    })
    expect(sales?.stages.map((stage) => [stage.id, stage.metadata.isClosed, stage.metadata.probability])).toEqual([
      ['appointmentscheduled', 'false', '0.2'],
      ['qualifiedtobuy', 'false', '0.4'],
      ['presentationscheduled', 'false', '0.6'],
      ['decisionmakerboughtin', 'false', '0.8'],
      ['contractsent', 'false', '0.9'],
      ['closedwon', 'true', '1.0'],
      ['closedlost', 'true', '0.0'],
    ])
    expect(sales?.stages[6]).toEqual({
      label: 'Closed Lost',
      displayOrder: 6,
      metadata: { isClosed: 'true', probability: '0.0' },
      id: 'closedlost',
      createdAt: '1970-01-01T00:00:00Z',
      updatedAt: '1970-01-01T00:00:00Z',
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
      archived: false,
    })
    expect(renewals?.label).toBe('Renewals')
    expect(renewals?.id).toMatch(/^\d{8}$/)
    for (const stage of renewals?.stages ?? []) expect(stage.id).toMatch(/^\d+$/)
    expect(
      renewals?.stages.filter((stage) => stage.metadata.isClosed === 'true').map((stage) => stage.metadata.probability),
    ).toEqual(['1.0', '0.0'])

    const one = await api(sim, token, 'GET', `/crm/v3/pipelines/deals/${renewals?.id ?? ''}`)
    expect(one.body).toEqual(renewals)
    expect((await api(sim, token, 'GET', '/crm/v3/pipelines/deals/nope')).status).toBe(404)
    const other = await api(sim, dealsPortal(sim).token, 'GET', '/crm/v3/pipelines/deals')
    expect((other.body.results as { id: string }[])[1]?.id).not.toBe(renewals?.id)
    expect(portalId).toBeGreaterThan(2000003)
  })

  it('needs crm.objects.deals.read for deal reads, and accepts it (or the schemas scope) for deal pipelines', async () => {
    const sim = crmSimulator()
    const seededToken = privateToken(sim)
    for (const path of ['/crm/v3/objects/deals', '/crm/v3/objects/0-3', '/crm/v3/pipelines/deals']) {
      const refused = await api(sim, seededToken, 'GET', path)
      expect(refused.status).toBe(403)
      expect(refused.body).toMatchObject({
        category: 'MISSING_SCOPES',
        errors: [{ context: { requiredScopes: expect.arrayContaining(['crm.objects.deals.read']) } }],
      })
    }
    const batch = await api(sim, seededToken, 'POST', '/crm/v3/objects/deals/batch/read', {
      inputs: [],
      properties: [],
      propertiesWithHistory: [],
    })
    expect(batch.status).toBe(403)

    // The app lists crm.objects.deals.read as optional: granted where the portal can, silently dropped where not.
    const withDeals = await connect(sim, '2000001', { optional_scope: 'crm.objects.deals.read' })
    expect((await api(sim, withDeals.access_token, 'GET', '/crm/v3/objects/deals?limit=1')).status).toBe(200)
    expect((await api(sim, withDeals.access_token, 'GET', '/crm/v3/pipelines/deals')).status).toBe(200)
    const initech = await connect(sim, '2000003', { optional_scope: 'crm.objects.deals.read' })
    expect((await api(sim, initech.access_token, 'GET', '/crm/v3/objects/deals?limit=1')).status).toBe(403)
    sim.control.setGrantedScopes(2000003, ['oauth', 'crm.schemas.deals.read'])
    expect((await api(sim, initech.access_token, 'GET', '/crm/v3/pipelines/deals')).status).toBe(200)
  })

  it('creates a deal on a company, derives closed/won/lost from its stage, and links both ways (types 5/341, 6/342)', async () => {
    const sim = crmSimulator()
    const { portalId, token: readToken } = dealsPortal(sim)
    const token = await writeToken(sim, portalId)
    const companyId = '10000000001'
    const created = await api(sim, token, 'POST', '/crm/v3/objects/deals', {
      properties: { dealname: 'Expansion: 20 seats', amount: '4800', dealstage: 'qualifiedtobuy' },
      associations: [
        { to: { id: companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }] },
      ],
    })
    expect(created.status).toBe(201)
    const dealId = String(created.body.id)
    expect(dealId).toMatch(/^4\d{10}$/)
    expect(created.body.properties).toMatchObject({
      pipeline: 'default',
      dealstage: 'qualifiedtobuy',
      hs_is_closed: 'false',
      hs_is_closed_won: 'false',
      hs_is_closed_lost: 'false',
      hs_deal_stage_probability: '0.4',
    })

    const lost = await api(sim, token, 'PATCH', `/crm/v3/objects/deals/${dealId}`, {
      properties: { dealstage: 'closedlost', closed_lost_reason: 'Budget frozen' },
    })
    expect(lost.body.properties).toMatchObject({
      hs_is_closed: 'true',
      hs_is_closed_won: 'false',
      hs_is_closed_lost: 'true',
      hs_deal_stage_probability: '0.0',
      closedate: expect.any(String),
    })
    const wrongStage = await api(sim, token, 'PATCH', `/crm/v3/objects/deals/${dealId}`, {
      properties: { dealstage: 'not-a-stage' },
    })
    expect(wrongStage.status).toBe(400)
    const readOnly = await api(sim, token, 'PATCH', `/crm/v3/objects/deals/${dealId}`, {
      properties: { hs_is_closed_won: 'true' },
    })
    expect(readOnly.body.message).toContain('READ_ONLY_VALUE')

    const read = await api(
      sim,
      readToken,
      'GET',
      `/crm/v3/objects/0-3/${dealId}?associations=companies&propertiesWithHistory=dealstage`,
    )
    expect(Object.keys(read.body.properties as object).sort()).toEqual([
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ])
    expect(read.body.associations).toEqual({
      companies: {
        results: [
          { id: companyId, type: 'deal_to_company' },
          { id: companyId, type: 'deal_to_company_unlabeled' },
        ],
      },
    })
    expect(
      (read.body.propertiesWithHistory as Record<string, { value: string }[]>).dealstage?.map((entry) => entry.value),
    ).toEqual(['closedlost', 'qualifiedtobuy'])

    const v4 = await api(sim, readToken, 'GET', `/crm/v4/objects/deals/${dealId}/associations/companies`)
    expect(v4.body.results).toEqual([
      {
        toObjectId: Number(companyId),
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
          { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
        ],
      },
    ])
    const back = await api(sim, readToken, 'POST', '/crm/v4/associations/companies/deals/batch/read', {
      inputs: [{ id: companyId }],
    })
    const row = (back.body.results as { to: { toObjectId: number; associationTypes: { typeId: number }[] }[] }[])[0]
    expect(
      row?.to.find((target) => target.toObjectId === Number(dealId))?.associationTypes.map((type) => type.typeId),
    ).toEqual([6, 342])

    const search = await api(sim, readToken, 'POST', '/crm/v3/objects/deals/search', {
      filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: 'EQ', value: 'closedlost' }] }],
      limit: 200,
    })
    expect(search.status).toBe(200)
    expect((search.body.results ?? []).map((deal) => deal.id)).toContain(dealId)
  })
})
