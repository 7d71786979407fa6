import { describe, expect, it } from 'vitest'
import { api, control, crmSimulator, ids, privateToken } from './crm-helpers'
import { connect } from './helpers'

const isoMs = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

describe('CRM objects v3', () => {
  it('lists with default limit 10, default properties, ISO timestamps and an opaque cursor', async () => {
    const sim = crmSimulator()
    const page = await api(sim, privateToken(sim), 'GET', '/crm/v3/objects/tickets')
    expect(page.status).toBe(200)
    expect(page.body.results).toHaveLength(10)
    const first = page.body.results?.[0] ?? {}
    expect(Object.keys(first.properties as object).sort()).toEqual(
      [
        'content',
        'createdate',
        'hs_lastmodifieddate',
        'hs_object_id',
        'hs_pipeline',
        'hs_pipeline_stage',
        'hs_ticket_category',
        'hs_ticket_priority',
        'subject',
      ].sort(),
    )
    expect(first).toMatchObject({
      id: '30000000001',
      archived: false,
      createdAt: expect.stringMatching(isoMs),
      updatedAt: expect.stringMatching(isoMs),
    })
    for (const value of Object.values(first.properties as Record<string, unknown>))
      expect(value === null || typeof value === 'string').toBe(true)
    const next = (page.body.paging as { next: { after: string; link: string } }).next
    expect(next.after).not.toMatch(/^\d+$/)
    expect(next.link).toContain(`after=${next.after}`)

    const second = await api(sim, privateToken(sim), 'GET', `/crm/v3/objects/tickets?after=${next.after}`)
    expect(ids(second)[0]).toBe('30000000011')
  })

  it('pages through every record exactly once, with no paging on the last page', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim, 2000003)
    const seen: string[] = []
    let after = ''
    for (let pages = 0; pages < 50; pages++) {
      const page = await api(sim, token, 'GET', `/crm/v3/objects/contacts?limit=100${after ? `&after=${after}` : ''}`)
      seen.push(...ids(page))
      const paging = page.body.paging as { next: { after: string } } | undefined
      if (!paging) break
      after = paging.next.after
    }
    expect(seen.length).toBe(sim.control.crmStats(2000003)?.contacts)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual([...seen].sort())
  })

  it('rejects limit above 100 and a bad cursor with VALIDATION_ERROR', async () => {
    const sim = crmSimulator()
    const tooMany = await api(sim, privateToken(sim), 'GET', '/crm/v3/objects/companies?limit=101')
    expect(tooMany.status).toBe(400)
    expect(tooMany.body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      correlationId: expect.any(String),
    })
    expect((await api(sim, privateToken(sim), 'GET', '/crm/v3/objects/companies?limit=100')).body.results).toHaveLength(
      100,
    )
    expect((await api(sim, privateToken(sim), 'GET', '/crm/v3/objects/companies?after=!!!')).status).toBe(400)
  })

  it('accepts properties comma-separated or repeated, ignores unknown ones, always adds the system three', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const comma = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1&properties=name,industry,nope')
    const repeated = await api(
      sim,
      token,
      'GET',
      '/crm/v3/objects/companies?limit=1&properties=name&properties=industry&properties=nope',
    )
    expect(comma.body.results).toEqual(repeated.body.results)
    expect(Object.keys(comma.body.results?.[0]?.properties as object).sort()).toEqual([
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
      'industry',
      'name',
    ])
    const contacts = await api(sim, token, 'GET', '/crm/v3/objects/contacts?limit=1')
    expect(Object.keys(contacts.body.results?.[0]?.properties as object).sort()).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ])
  })

  it('adds the associations block (primary and unlabeled) when asked', async () => {
    const sim = crmSimulator()
    const page = await api(
      sim,
      privateToken(sim),
      'GET',
      '/crm/v3/objects/tickets?limit=1&associations=companies&associations=deals',
    )
    const associations = page.body.results?.[0]?.associations as Record<
      string,
      { results: { id: string; type: string }[] }
    >
    expect(Object.keys(associations)).toEqual(['companies'])
    const [primary, unlabeled] = associations.companies?.results ?? []
    expect(primary).toEqual({ id: expect.stringMatching(/^1\d{10}$/), type: 'ticket_to_company' })
    expect(unlabeled).toEqual({ id: primary?.id, type: 'ticket_to_company_unlabeled' })
  })

  it('reads one object, answers 404 OBJECT_NOT_FOUND, and reads by idProperty', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const one = await api(sim, token, 'GET', '/crm/v3/objects/companies/10000000001?properties=domain')
    expect(one.status).toBe(200)
    const domain = (one.body.properties as Record<string, string>).domain
    const missing = await api(sim, token, 'GET', '/crm/v3/objects/companies/999')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({
      status: 'error',
      message: 'Object not found.  objectId are usually numeric.',
      correlationId: expect.any(String),
      category: 'OBJECT_NOT_FOUND',
      context: { id: ['999'] },
    })
    expect((await api(sim, token, 'GET', `/crm/v3/objects/companies/${domain}?idProperty=domain`)).body.id).toBe(
      '10000000001',
    )
  })

  it('creates (201), updates, closes a ticket with closed_date/time_to_close, and archives (204)', async () => {
    const sim = crmSimulator()
    const { access_token: token } = await connect(sim)
    const created = await api(sim, token, 'POST', '/crm/v3/objects/tickets', {
      properties: { subject: 'Printer on fire', hs_pipeline_stage: '1', hs_ticket_priority: 'HIGH' },
      associations: [
        { to: { id: '10000000001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 26 }] },
      ],
    })
    expect(created.status).toBe(201)
    const id = String(created.body.id)
    expect(created.body.properties).toMatchObject({
      subject: 'Printer on fire',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      hs_object_id: id,
    })

    // 20 minutes: within the access token's 30-minute life.
    sim.control.advanceClock(1_200_000)
    const closed = await api(sim, token, 'PATCH', `/crm/v3/objects/tickets/${id}`, {
      properties: { hs_pipeline_stage: '4' },
    })
    expect(closed.status).toBe(200)
    expect(closed.body.properties).toMatchObject({
      hs_pipeline_stage: '4',
      time_to_close: '1200000',
      closed_date: '2026-09-01T12:20:00.000Z',
    })
    const reopened = await api(sim, token, 'PATCH', `/crm/v3/objects/tickets/${id}`, {
      properties: { hs_pipeline_stage: '3' },
    })
    expect((reopened.body.properties as Record<string, unknown>).closed_date).toBeUndefined()

    expect((await api(sim, token, 'DELETE', `/crm/v3/objects/tickets/${id}`)).status).toBe(204)
    expect((await api(sim, token, 'GET', `/crm/v3/objects/tickets/${id}`)).status).toBe(404)
    const archived = await api(sim, token, 'GET', `/crm/v3/objects/tickets/${id}?archived=true`)
    expect(archived.body).toMatchObject({ id, archived: true, archivedAt: '2026-09-01T12:20:00.000Z' })
    expect(ids(await api(sim, token, 'GET', '/crm/v3/objects/tickets?archived=true'))).toEqual([id])
    expect((await api(sim, token, 'DELETE', '/crm/v3/objects/tickets/123')).status).toBe(204)
  })

  it('validates written values like HubSpot', async () => {
    const sim = crmSimulator()
    const { access_token: token } = await connect(sim)
    const missing = await api(sim, token, 'POST', '/crm/v3/objects/tickets', { properties: { subject: 'x' } })
    expect(missing.status).toBe(400)
    const bad = await api(sim, token, 'POST', '/crm/v3/objects/tickets', {
      properties: { subject: 'x', hs_pipeline_stage: '9', nope: 'y' },
    })
    expect(bad.body).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining('Property values were not valid'),
    })
    expect(String(bad.body.message)).toContain('PROPERTY_DOESNT_EXIST')
    expect(String(bad.body.message)).toContain('INVALID_OPTION')
    const readOnly = await api(sim, token, 'PATCH', '/crm/v3/objects/tickets/30000000001', {
      properties: { hs_object_id: '1' },
    })
    expect(String(readOnly.body.message)).toContain('READ_ONLY_VALUE')
  })

  it('batch read: 200 COMPLETE, or 207 with OBJECT_NOT_FOUND listing the missing ids; max 100 inputs', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const complete = await api(sim, token, 'POST', '/crm/v3/objects/contacts/batch/read', {
      inputs: [{ id: '20000000001' }, { id: '20000000002' }],
      properties: ['email'],
    })
    expect(complete.status).toBe(200)
    expect(complete.body).toMatchObject({
      status: 'COMPLETE',
      startedAt: '2026-09-01T12:00:00.000Z',
      completedAt: '2026-09-01T12:00:00.000Z',
    })
    expect(ids(complete)).toEqual(['20000000001', '20000000002'])
    expect(Object.keys(complete.body.results?.[0]?.properties as object).sort()).toEqual([
      'createdate',
      'email',
      'hs_object_id',
      'lastmodifieddate',
    ])

    const partial = await api(sim, token, 'POST', '/crm/v3/objects/contacts/batch/read', {
      inputs: [{ id: '20000000001' }, { id: '1' }, { id: '2' }],
      properties: [],
    })
    expect(partial.status).toBe(207)
    expect(partial.body).toMatchObject({
      status: 'COMPLETE',
      numErrors: 1,
      errors: [
        { status: 'error', category: 'OBJECT_NOT_FOUND', message: expect.any(String), context: { ids: ['1', '2'] } },
      ],
    })
    expect(ids(partial)).toEqual(['20000000001'])
    const tooMany = await api(sim, token, 'POST', '/crm/v3/objects/contacts/batch/read', {
      inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })),
    })
    expect(tooMany.status).toBe(400)
  })

  it('batch update companies needs crm.objects.companies.write', async () => {
    const sim = crmSimulator()
    const body = {
      inputs: [
        { id: '10000000001', properties: { industry: 'RETAIL' } },
        { id: '7', properties: { industry: 'RETAIL' } },
      ],
    }
    const denied = await api(sim, privateToken(sim), 'POST', '/crm/v3/objects/companies/batch/update', body)
    expect(denied.status).toBe(403)
    expect(denied.body).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredScopes: ['crm.objects.companies.write'] } }],
    })

    const { access_token: token } = await connect(sim, '2000001', {
      optional_scope: 'crm.objects.companies.write crm.schemas.companies.write',
    })
    const updated = await api(sim, token, 'POST', '/crm/v3/objects/companies/batch/update', body)
    expect(updated.status).toBe(207)
    expect(updated.body).toMatchObject({
      status: 'COMPLETE',
      numErrors: 1,
      errors: [{ category: 'OBJECT_NOT_FOUND', context: { ids: ['7'] } }],
    })
    expect((updated.body.results?.[0]?.properties as Record<string, string>).industry).toBe('RETAIL')
  })

  it('maps scopes per object type: 403 MISSING_SCOPES exactly like requireScopes', async () => {
    const sim = crmSimulator()
    const { access_token: token } = await connect(sim)
    sim.control.setGrantedScopes(2000001, ['oauth', 'tickets'])
    expect((await api(sim, token, 'GET', '/crm/v3/objects/tickets?limit=1')).status).toBe(200)
    const companies = await api(sim, token, 'GET', '/crm/v3/objects/companies')
    expect(companies.status).toBe(403)
    expect(companies.body).toEqual({
      status: 'error',
      message:
        "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      correlationId: expect.any(String),
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredScopes: ['crm.objects.companies.read'] },
        },
      ],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
      category: 'MISSING_SCOPES',
    })
    const contactsSearch = await api(sim, token, 'POST', '/crm/v3/objects/contacts/search', {})
    expect(contactsSearch.body).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredScopes: ['crm.objects.contacts.read'] } }],
    })
    expect((await api(sim, token, 'GET', '/crm/v3/objects/deals')).body).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredScopes: ['crm.objects.deals.read'] } }],
    })
    expect((await api(sim, token, 'GET', '/crm/v3/objects/widgets')).body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: 'Unable to infer object type from: widgets',
    })
  })

  it('serves the date-versioned twin paths', async () => {
    const sim = crmSimulator()
    const v3 = await api(sim, privateToken(sim), 'GET', '/crm/v3/objects/tickets?limit=3')
    const dated = await api(sim, privateToken(sim), 'GET', '/crm/objects/2026-03/tickets?limit=3')
    expect(dated.body.results).toEqual(v3.body.results)
  })

  it('merged-away ids resolve to the surviving record', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const merged = sim.control.mergeRecords(2000001, 'companies', '10000000001', '10000000002')
    expect(merged.ok).toBe(true)
    const read = await api(sim, token, 'GET', '/crm/v3/objects/companies/10000000002?properties=hs_merged_object_ids')
    expect(read.body).toMatchObject({ id: '10000000001', properties: { hs_merged_object_ids: '10000000002' } })
    const batch = await api(sim, token, 'POST', '/crm/v3/objects/companies/batch/read', {
      inputs: [{ id: '10000000002' }],
    })
    expect(ids(batch)).toEqual(['10000000001'])
    expect(ids(await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=2'))).toEqual([
      '10000000001',
      '10000000003',
    ])
  })
})

describe('pipelines and properties', () => {
  it('serves the default ticket pipeline', async () => {
    const sim = crmSimulator()
    const pipelines = await api(sim, privateToken(sim), 'GET', '/crm/v3/pipelines/tickets')
    const [pipeline] = (pipelines.body.results ?? []) as {
      id: string
      label: string
      stages: { id: string; label: string; metadata: { isClosed: string } }[]
    }[]
    expect(pipeline).toMatchObject({ id: '0', label: 'Support Pipeline' })
    expect(pipeline?.stages.map((stage) => [stage.id, stage.label, stage.metadata.isClosed])).toEqual([
      ['1', 'New', 'false'],
      ['2', 'Waiting on contact', 'false'],
      ['3', 'Waiting on us', 'false'],
      ['4', 'Closed', 'true'],
    ])
  })

  it('lists properties and creates a custom one (201, then 409), gated by crm.schemas.companies.write', async () => {
    const sim = crmSimulator()
    const list = await api(sim, privateToken(sim), 'GET', '/crm/v3/properties/tickets')
    expect((list.body.results ?? []).map((p) => p.name)).toEqual(
      expect.arrayContaining(['subject', 'hs_pipeline_stage', 'time_to_close', 'closed_date']),
    )
    const property = {
      name: 'churnlens_risk',
      label: 'Churn risk',
      type: 'number',
      fieldType: 'number',
      groupName: 'companyinformation',
    }
    expect((await api(sim, privateToken(sim), 'POST', '/crm/v3/properties/companies', property)).status).toBe(403)

    const { access_token: token } = await connect(sim, '2000001', {
      optional_scope: 'crm.objects.companies.write crm.schemas.companies.write',
    })
    const created = await api(sim, token, 'POST', '/crm/v3/properties/companies', property)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'churnlens_risk', type: 'number', archived: false })
    expect(created.body).not.toHaveProperty('hubspotDefined')
    const again = await api(sim, token, 'POST', '/crm/v3/properties/companies', property)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ status: 'error', category: 'OBJECT_ALREADY_EXISTS' })
    const patched = await api(sim, token, 'PATCH', '/crm/v3/objects/companies/10000000001', {
      properties: { churnlens_risk: 0.82 },
    })
    expect((patched.body.properties as Record<string, string>).churnlens_risk).toBe('0.82')
  })
})

describe('control mutations', () => {
  it('creates, updates, archives, restores and associates through /_simulator', async () => {
    const sim = crmSimulator()
    const created = await control(sim, 'POST', '/portals/2000003/records/tickets', {
      properties: { subject: 'We want to cancel', content: 'Please cancel our contract' },
      associations: [{ toType: 'companies', toId: '10000000001', primary: true }],
    })
    expect(created.status).toBe(201)
    const id = String(created.body.id)
    expect(created.body.properties).toMatchObject({ hs_pipeline_stage: '1', hs_pipeline: '0' })
    expect(
      (
        await control(sim, 'PATCH', `/portals/2000003/records/tickets/${id}`, {
          properties: { hs_ticket_priority: 'URGENT' },
        })
      ).status,
    ).toBe(200)
    expect((await control(sim, 'DELETE', `/portals/2000003/records/tickets/${id}`)).body).toMatchObject({
      archived: true,
    })
    expect((await control(sim, 'POST', `/portals/2000003/records/tickets/${id}/restore`)).body).toMatchObject({
      archived: false,
    })
    expect(
      (
        await control(sim, 'POST', '/portals/2000003/associations', {
          fromType: 'tickets',
          fromId: id,
          toType: 'contacts',
          toId: '20000000001',
        })
      ).status,
    ).toBe(200)
    expect((await control(sim, 'PATCH', '/portals/2000003/records/tickets/1', { properties: {} })).status).toBe(404)
    expect((await control(sim, 'GET', '/portals/2000003/stats')).body).toMatchObject({
      companies: 40,
      archived: { tickets: 0 },
    })
  })
})
