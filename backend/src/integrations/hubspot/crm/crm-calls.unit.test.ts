import { describe, expect, it } from 'vitest'
import { processBatchRead } from './batch-read-objects'
import { processPropertyCreation } from './create-company-property'
import { listObjectsRequest } from './list-objects'
import { processCompanyAssociations } from './read-company-associations'
import { processSearchPage, searchObjectsRequest } from './search-objects'
import { processCompaniesUpdate, updateCompaniesRequest } from './update-companies'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const ticket = { id: '7', properties: { subject: 'Export broken' } }

describe('CRM requests', () => {
  it('searches with one filter group and one sort, on the search budget', () => {
    const request = searchObjectsRequest('tickets', {
      filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '5' }],
      sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' },
      limit: 200,
      after: '400',
    })
    expect(request).toMatchObject({
      method: 'POST',
      path: '/crm/v3/objects/tickets/search',
      budget: 'search',
      body: { filterGroups: [{ filters: [{ operator: 'GT' }] }], limit: 200, after: '400' },
    })
  })

  it.each([
    [
      { properties: ['name'], withCompanies: true, after: 'abc' },
      '/crm/v3/objects/contacts?limit=100&properties=name&associations=companies&after=abc',
    ],
    [
      { properties: ['hs_object_id'], archived: true, after: null },
      '/crm/v3/objects/contacts?limit=100&properties=hs_object_id&archived=true',
    ],
  ])('lists a page of records: %j', (listing, path) => {
    expect(listObjectsRequest('contacts', listing)).toEqual({ method: 'GET', path })
  })

  it('updates companies by id with string property values', () => {
    expect(updateCompaniesRequest([{ id: 12, properties: { churnlens_risk_score: '80' } }]).body).toEqual({
      inputs: [{ id: '12', properties: { churnlens_risk_score: '80' } }],
    })
  })
})

describe('reading CRM answers', () => {
  it.each([
    [json(200, { total: 1, results: [ticket] }), { ok: true, value: { total: 1, results: [ticket] } }],
    [json(403, { category: 'MISSING_SCOPES' }), { ok: false, error: 'forbidden' }],
    [json(404, {}), { ok: false, error: 'not_found' }],
    [json(400, { category: 'VALIDATION_ERROR' }), { ok: false, error: 'hubspot_invalid_response' }],
    [json(200, { results: 'nope' }), { ok: false, error: 'hubspot_invalid_response' }],
  ])('a search page %#', async (response, expected) => {
    expect(await processSearchPage(response)).toEqual(expected)
  })

  it('a batch read that lost some ids (207) is a success with the ones found', async () => {
    expect(await processBatchRead(json(207, { results: [ticket], errors: [{ status: 'error' }] }))).toEqual({
      ok: true,
      value: [ticket],
    })
  })

  it('associations prefer the primary company; a 404 means none', async () => {
    const batch = {
      results: [
        {
          from: { id: 7 },
          to: [
            { toObjectId: 1, associationTypes: [{ typeId: 339 }] },
            { toObjectId: 2, associationTypes: [{ typeId: 26 }] },
          ],
        },
        { from: { id: '8' }, to: [{ toObjectId: '3' }] },
      ],
    }
    expect(await processCompanyAssociations(json(200, batch), 26)).toEqual({
      ok: true,
      value: new Map([
        ['7', 2],
        ['8', 3],
      ]),
    })
    expect(await processCompanyAssociations(json(404, {}), 26)).toEqual({ ok: true, value: new Map() })
    expect(await processCompanyAssociations(json(403, {}), 26)).toEqual({ ok: false, error: 'forbidden' })
  })

  it.each([
    [json(200, { results: [{ id: '1' }, { id: '2' }] }), { ok: true, value: new Set([1, 2]) }],
    [json(207, { results: [{ id: '1' }], errors: [{}] }), { ok: true, value: new Set([1]) }],
    [new Response('not json', { status: 200 }), { ok: true, value: new Set() }],
    [json(403, {}), { ok: false, error: 'forbidden' }],
    [json(400, {}), { ok: false, error: 'hubspot_invalid_response' }],
  ])('a batch update %#', async (response, expected) => {
    expect(await processCompaniesUpdate(response)).toEqual(expected)
  })

  it.each([
    [json(201, { name: 'churnlens_risk_score' }), { ok: true, value: 'created' }],
    [json(409, { category: 'OBJECT_ALREADY_EXISTS' }), { ok: true, value: 'exists' }],
    [json(403, {}), { ok: false, error: 'forbidden' }],
    [json(201, ['?']), { ok: false, error: 'hubspot_invalid_response' }],
    [json(400, {}), { ok: false, error: 'hubspot_invalid_response' }],
  ])('a property creation %#', async (response, expected) => {
    expect(await processPropertyCreation(response)).toEqual(expected)
  })
})
