import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Client } from '@hubspot/api-client'
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSimulator } from '../src/index'
import { fixedClock } from './helpers'

interface HttpObject {
  id: string
  properties: Record<string, string | null>
  createdAt: string
  updatedAt: string
}

/** @hubspot/api-client over real HTTP returns exactly what direct calls to the simulator return. */
describe('@hubspot/api-client against the CRM API', () => {
  // A frozen clock would never empty the rate-limit windows, and getAll alone makes 7 calls per run; limits have their own suite.
  const sim = createSimulator({ seed: 'official-client', clock: fixedClock(), settings: { rateLimitsEnabled: false } })
  const token = sim.portals.find((portal) => portal.portalId === 2000003)?.privateAppToken ?? ''
  let server: ReturnType<typeof serve>
  let basePath = ''
  let client: Client

  const http = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${basePath}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return (await response.json()) as Record<string, unknown>
  }
  const plain = (
    objects: readonly { id: string; properties: Record<string, string | null>; createdAt: Date; updatedAt: Date }[],
  ) =>
    objects.map((object) => ({
      id: object.id,
      properties: object.properties,
      createdAt: object.createdAt.toISOString(),
      updatedAt: object.updatedAt.toISOString(),
    }))
  const fromHttp = (objects: unknown): HttpObject[] =>
    (objects as HttpObject[]).map((object) => ({
      id: object.id,
      properties: object.properties,
      createdAt: object.createdAt,
      updatedAt: object.updatedAt,
    }))

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        basePath = `http://127.0.0.1:${info.port}`
        resolve()
      })
    })
    client = new Client({
      accessToken: token,
      basePath,
      numberOfApiCallRetries: 0,
      limiterOptions: { minTime: 0, maxConcurrent: 10 },
    })
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('crm.tickets.basicApi.getPage pages like GET /crm/v3/objects/tickets', async () => {
    const page = await client.crm.tickets.basicApi.getPage(5, undefined, ['subject', 'hs_ticket_priority'])
    const direct = await http('GET', '/crm/v3/objects/tickets?limit=5&properties=subject,hs_ticket_priority')
    expect(plain(page.results)).toEqual(fromHttp(direct.results))
    expect(page.paging?.next?.after).toBe((direct.paging as { next: { after: string } }).next.after)
    const second = await client.crm.tickets.basicApi.getPage(5, page.paging?.next?.after, ['subject'])
    expect(second.results[0]?.id).toBe('30000000006')
  })

  it('crm.tickets.getAll reads every ticket once', async () => {
    const all = await client.crm.tickets.getAll(100, undefined, ['hs_pipeline_stage'])
    expect(all).toHaveLength(700)
    expect(new Set(all.map((ticket) => ticket.id)).size).toBe(700)
    const direct = await http('GET', '/crm/v3/objects/tickets?limit=100&properties=hs_pipeline_stage')
    expect(plain(all.slice(0, 100))).toEqual(fromHttp(direct.results))
  })

  it('crm.companies.searchApi.doSearch matches POST /search', async () => {
    const request = {
      filterGroups: [
        { filters: [{ propertyName: 'numberofemployees', operator: FilterOperatorEnum.Gt, value: '50' }] },
      ],
      sorts: ['-createdate'],
      properties: ['name', 'numberofemployees'],
      limit: 20,
      after: '0',
    }
    const found = await client.crm.companies.searchApi.doSearch(request)
    const direct = await http('POST', '/crm/v3/objects/companies/search', request)
    expect(found.total).toBe(direct.total)
    expect(found.total).toBeGreaterThan(0)
    expect(plain(found.results)).toEqual(fromHttp(direct.results))
  })

  it('crm.contacts.batchApi.read returns found records and tolerates the 207', async () => {
    const input = {
      inputs: [{ id: '20000000001' }, { id: '20000000002' }, { id: '1' }],
      properties: ['email'],
      propertiesWithHistory: [],
    }
    const read = await client.crm.contacts.batchApi.read(input)
    const direct = await http('POST', '/crm/v3/objects/contacts/batch/read', input)
    expect(plain(read.results)).toEqual(fromHttp(direct.results))
    expect(read.status).toBe('COMPLETE')
    expect((read as { numErrors?: number }).numErrors).toBe(1)
  })

  it('crm.associations.v4.basicApi.getPage matches GET /crm/v4/objects/…/associations/…', async () => {
    const companyId = '10000000001'
    const page = await client.crm.associations.v4.basicApi.getPage('companies', companyId, 'tickets', undefined, 500)
    const direct = await http('GET', `/crm/v4/objects/companies/${companyId}/associations/tickets`)
    expect(page.results.length).toBeGreaterThan(0)
    expect(
      page.results.map((row) => ({ toObjectId: Number(row.toObjectId), associationTypes: row.associationTypes })),
    ).toEqual(direct.results)
  })

  it('reads deals, deal pipelines, deal associations and company property history', async () => {
    const portal = sim.control.createPortal({
      companies: 25,
      tickets: 250,
      seed: 'official-client-deals',
      privateAppScopes: ['crm.objects.companies.read', 'crm.objects.deals.read'],
    })
    const dealsClient = new Client({
      accessToken: portal.privateAppToken,
      basePath,
      numberOfApiCallRetries: 0,
      limiterOptions: { minTime: 0, maxConcurrent: 10 },
    })
    const pipelines = await dealsClient.crm.pipelines.pipelinesApi.getAll('deals')
    expect(pipelines.results.map((pipeline) => pipeline.label)).toEqual(['Sales Pipeline', 'Renewals'])
    expect(pipelines.results[0]?.stages.find((stage) => stage.id === 'closedlost')?.metadata).toEqual({
      isClosed: 'true',
      probability: '0.0',
    })

    const deals = await dealsClient.crm.deals.getAll(
      100,
      undefined,
      ['dealname', 'pipeline', 'dealstage', 'hs_is_closed_lost'],
      undefined,
      ['companies'],
    )
    expect(deals.length).toBe(sim.control.crmStats(portal.portalId)?.deals)
    const lost = deals.find((deal) => deal.properties.hs_is_closed_lost === 'true')
    expect(lost?.associations?.companies?.results[0]?.type).toBe('deal_to_company')
    const withHistory = await dealsClient.crm.deals.basicApi.getById(lost?.id ?? '', ['dealstage'], ['dealstage'])
    expect(withHistory.propertiesWithHistory?.dealstage?.[0]?.value).toBe(withHistory.properties.dealstage)
    const links = await dealsClient.crm.associations.v4.basicApi.getPage('deals', lost?.id ?? '', 'companies')
    expect(links.results[0]?.associationTypes.map((type) => type.typeId)).toEqual([5, 341])

    const churner = sim.control.groundTruth(portal.portalId)?.companies.find((entry) => entry.churnedAt !== null)
    const company = await dealsClient.crm.companies.basicApi.getById(
      churner?.companyId ?? '',
      ['lifecyclestage'],
      ['lifecyclestage'],
    )
    const stages = company.propertiesWithHistory?.lifecyclestage ?? []
    expect(
      stages
        .map((entry) => entry.value)
        .reverse()
        .slice(0, 3),
    ).toEqual(['lead', 'opportunity', 'customer'])
    expect(stages[0]?.timestamp).toBeInstanceOf(Date)
    const batch = await dealsClient.crm.companies.batchApi.read({
      inputs: [{ id: churner?.companyId ?? '' }],
      properties: ['name'],
      propertiesWithHistory: ['lifecyclestage'],
    })
    expect(batch.results[0]?.propertiesWithHistory?.lifecyclestage).toEqual(stages)
  })

  it('creates a ticket (201) through basicApi.create', async () => {
    const created = await client.crm.tickets.basicApi.create({
      properties: { subject: 'From the official client', hs_pipeline_stage: '1' },
      associations: [],
    })
    expect(created.properties).toMatchObject({ subject: 'From the official client', hs_pipeline: '0' })
  })
})
