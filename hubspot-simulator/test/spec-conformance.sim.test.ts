import { describe, expect, it } from 'vitest'
import type { Simulator } from '../src/index'
import type { ApiAnswer } from './crm-helpers'
import { api, control, crmSimulator, privateToken } from './crm-helpers'
import { apiHost, connect, defaultApp, postForm } from './helpers'
import type { Operation } from './spec/hubspot-specs'
import { absentNote, checkAgainstSpec, recordingsPresent, specsPresent } from './spec/hubspot-specs'
import { readRecordedBody, select } from './spec/recordings'

if (!specsPresent) console.warn(absentNote)

/**
 * Every endpoint the simulator serves, answered and held to HubSpot's official OpenAPI schema, closed: a field the
 * spec does not name fails too, since HubSpot does not send it. Where real HubSpot breaks its own spec, the
 * recorded break (known-spec-breaks.ts) is allowed and nothing more.
 */
function expectFits(answer: ApiAnswer, file: string, method: string, path: string): void {
  const operation: Operation = { file, path, method, status: String(answer.status) }
  const body = answer.status === 204 ? undefined : answer.body
  expect(checkAgainstSpec(operation, body, { closed: true }), `${method} ${path} ${answer.status}`).toEqual([])
}

async function form(sim: Simulator, path: string, body: Record<string, string>): Promise<ApiAnswer> {
  const response = await postForm(sim.fetch, `${apiHost}${path}`, body)
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as ApiAnswer['body']) : {},
    headers: response.headers,
  }
}

async function plain(sim: Simulator, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
  const response = await sim.fetch(`${apiHost}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as ApiAnswer['body']) : {},
    headers: response.headers,
  }
}

const writeScopes = ['crm.objects.companies.write', 'crm.objects.contacts.write', 'crm.schemas.companies.write']

/** Portal 2000001's private-app token, granted the write scopes too. */
function writerToken(sim: Simulator): string {
  const portal = sim.portals.find((candidate) => candidate.portalId === 2000001)
  portal?.privateAppScopes.push(...writeScopes)
  return privateToken(sim)
}
const crmSpecs = {
  tickets: 'crm-tickets-v3.json',
  companies: 'crm-companies-v3.json',
  contacts: 'crm-contacts-v3.json',
} as const
const idParam = { tickets: '{ticketId}', companies: '{companyId}', contacts: '{contactId}' } as const

describe.skipIf(!specsPresent)("the simulator against HubSpot's official specs", () => {
  it('OAuth: token grants, introspection, revocation and v1 metadata on every version', async () => {
    const sim = crmSimulator()
    const app = defaultApp(sim)
    const client = { client_id: app.clientId, client_secret: app.clientSecret }
    const tokens = await connect(sim)
    for (const version of ['v3', '2026-03'] as const) {
      const file = `oauth-${version}.json`
      const refreshed = await form(sim, `/oauth/${version}/token`, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        ...client,
      })
      expect(refreshed.status).toBe(200)
      expectFits(refreshed, file, 'post', `/oauth/${version}/token`)
      const introspect = `/oauth/${version}/token/introspect`
      const access = String(refreshed.body.access_token)
      for (const [token, hint] of [
        [access, 'access_token'],
        [tokens.refresh_token, 'refresh_token'],
        ['unknown-token', 'access_token'],
      ] as const) {
        const info = await form(sim, introspect, { token, token_type_hint: hint, ...client })
        expect(info.status).toBe(200)
        expectFits(info, file, 'post', introspect)
      }
      const bad = await form(sim, `/oauth/${version}/token`, {
        grant_type: 'refresh_token',
        refresh_token: 'nope',
        ...client,
      })
      expect(bad.status).toBe(400)
      expectFits(bad, file, 'post', `/oauth/${version}/token`)
    }

    const v1 = await form(sim, '/oauth/v1/token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      ...client,
    })
    expectFits(v1, 'oauth-v1.json', 'post', '/oauth/v1/token')
    expectFits(
      await plain(sim, 'GET', `/oauth/v1/access-tokens/${String(v1.body.access_token)}`),
      'oauth-v1.json',
      'get',
      '/oauth/v1/access-tokens/{token}',
    )
    expectFits(
      await plain(sim, 'GET', `/oauth/v1/refresh-tokens/${tokens.refresh_token}`),
      'oauth-v1.json',
      'get',
      '/oauth/v1/refresh-tokens/{token}',
    )
    const revoked = await form(sim, '/oauth/2026-03/token/revoke', { token: tokens.refresh_token, ...client })
    expect(revoked.status).toBeLessThan(300)
    expect(
      (await plain(sim, 'DELETE', `/oauth/v1/refresh-tokens/${tokens.refresh_token}`)).status,
    ).toBeGreaterThanOrEqual(200)
  })

  it('account details', async () => {
    const sim = crmSimulator()
    const answer = await api(sim, privateToken(sim), 'GET', '/account-info/v3/details')
    expectFits(answer, 'account-info-v3.json', 'get', '/account-info/v3/details')
  })

  it.each(Object.keys(crmSpecs) as (keyof typeof crmSpecs)[])(
    'CRM objects (%s): list, get, search, batch read and update, create, update, archive, errors',
    async (type) => {
      const sim = crmSimulator()
      const token = writerToken(sim)
      const file = crmSpecs[type]
      const base = `/crm/v3/objects/${type}`
      const one = `${base}/${idParam[type]}`
      const list = await api(sim, token, 'GET', `${base}?limit=3&associations=companies`)
      expectFits(list, file, 'get', base)
      const id = String(list.body.results?.[0]?.id)
      expectFits(await api(sim, token, 'GET', `${base}/${id}?associations=contacts`), file, 'get', one)
      const search = await api(sim, token, 'POST', `${base}/search`, {
        filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '0' }] }],
        limit: 2,
      })
      expectFits(search, file, 'post', `${base}/search`)
      const batch = await api(sim, token, 'POST', `${base}/batch/read`, { inputs: [{ id }, { id: '999' }] })
      expect(batch.status).toBe(207)
      expectFits(batch, file, 'post', `${base}/batch/read`)
      expectFits(
        await api(sim, token, 'POST', `${base}/batch/read`, { inputs: [{ id }] }),
        file,
        'post',
        `${base}/batch/read`,
      )
      const property = type === 'companies' ? 'name' : type === 'contacts' ? 'firstname' : 'subject'
      const update = await api(sim, token, 'POST', `${base}/batch/update`, {
        inputs: [{ id, properties: { [property]: 'Renamed' } }],
      })
      expectFits(update, file, 'post', `${base}/batch/update`)
      const created = await api(sim, token, 'POST', base, {
        properties:
          type === 'tickets' ? { subject: 'New', hs_pipeline: '0', hs_pipeline_stage: '1' } : { [property]: 'New' },
      })
      expect(created.status).toBe(201)
      expectFits(created, file, 'post', base)
      const createdId = String(created.body.id)
      expectFits(
        await api(sim, token, 'PATCH', `${base}/${createdId}`, { properties: { [property]: 'x' } }),
        file,
        'patch',
        one,
      )
      expectFits(await api(sim, token, 'DELETE', `${base}/${createdId}`), file, 'delete', one)
      expectFits(await api(sim, token, 'GET', `${base}/999`), file, 'get', one)
      expectFits(await api(sim, token, 'GET', `${base}?limit=500`), file, 'get', base)
      expectFits(await api(sim, 'expired-or-unknown', 'GET', base), file, 'get', base)
    },
  )

  it('tickets on the 2026-03 paths', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const file = 'crm-tickets-2026-03.json'
    const base = '/crm/objects/2026-03/tickets'
    const list = await api(sim, token, 'GET', `${base}?limit=2`)
    expectFits(list, file, 'get', base)
    const id = String(list.body.results?.[0]?.id)
    expectFits(await api(sim, token, 'GET', `${base}/${id}`), file, 'get', `${base}/{ticketId}`)
    expectFits(await api(sim, token, 'POST', `${base}/search`, { limit: 1 }), file, 'post', `${base}/search`)
    expectFits(
      await api(sim, token, 'POST', `${base}/batch/read`, { inputs: [{ id }] }),
      file,
      'post',
      `${base}/batch/read`,
    )
  })

  it('a missing scope is a 403 in the Error shape', async () => {
    const sim = crmSimulator()
    const { access_token } = await connect(sim)
    const answer = await api(sim, access_token, 'GET', '/crm/v3/objects/deals')
    expect(answer.status).toBe(403)
    expectFits(answer, 'crm-tickets-v3.json', 'get', '/crm/v3/objects/tickets')
  })

  it('a rate-limited call is a 429 in the recorded rate-limit shape', async () => {
    const sim = crmSimulator({ settings: { rateLimitsEnabled: true } })
    const token = privateToken(sim)
    let answer: ApiAnswer | undefined
    for (let call = 0; call < 200 && answer?.status !== 429; call++)
      answer = await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', { limit: 1 })
    expect(answer?.status).toBe(429)
    if (answer) expectFits(answer, 'crm-tickets-v3.json', 'post', '/crm/v3/objects/tickets/search')
  })

  it('associations v4: list, batch read (200 and 207), labelled and default PUT, DELETE', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const file = 'crm-associations-v4.json'
    const listPath = '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}'
    const list = await api(sim, token, 'GET', '/crm/v4/objects/tickets/30000000001/associations/companies')
    expectFits(list, file, 'get', listPath)
    const companyId = String((list.body.results as { toObjectId: number }[])[0]?.toObjectId)
    const batchPath = '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read'
    const batch = (ids: string[]) =>
      api(sim, token, 'POST', '/crm/v4/associations/tickets/companies/batch/read', {
        inputs: ids.map((id) => ({ id })),
      })
    expectFits(await batch(['30000000001']), file, 'post', batchPath)
    const partial = await batch(['30000000001', '999'])
    expect(partial.status).toBe(207)
    expectFits(partial, file, 'post', batchPath)
    const labelled = await api(
      sim,
      token,
      'PUT',
      `/crm/v4/objects/tickets/30000000002/associations/companies/${companyId}`,
      [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 339 }],
    )
    expectFits(
      labelled,
      file,
      'put',
      '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
    )
    const byDefault = await api(
      sim,
      token,
      'PUT',
      `/crm/v4/objects/tickets/30000000003/associations/default/companies/${companyId}`,
    )
    expectFits(
      byDefault,
      file,
      'put',
      '/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}',
    )
    const removed = await api(
      sim,
      token,
      'DELETE',
      `/crm/v4/objects/tickets/30000000002/associations/companies/${companyId}`,
    )
    expectFits(
      removed,
      file,
      'delete',
      '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
    )
  })

  it('pipelines of tickets and deals', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const file = 'crm-pipelines-v3.json'
    for (const type of ['tickets', 'deals']) {
      const list = await api(sim, token, 'GET', `/crm/v3/pipelines/${type}`)
      expectFits(list, file, 'get', '/crm/v3/pipelines/{objectType}')
      const id = String(list.body.results?.[0]?.id)
      expectFits(
        await api(sim, token, 'GET', `/crm/v3/pipelines/${type}/${id}`),
        file,
        'get',
        '/crm/v3/pipelines/{objectType}/{pipelineId}',
      )
    }
  })

  it('owners: list (paged, by email, archived) and one by id or user id', async () => {
    const sim = crmSimulator()
    sim.portals.find((candidate) => candidate.portalId === 2000001)?.privateAppScopes.push('crm.objects.owners.read')
    const token = privateToken(sim)
    const file = 'crm-owners-v3.json'
    const first = await api(sim, token, 'GET', '/crm/v3/owners?limit=2')
    expect(first.body.results).toHaveLength(2)
    expectFits(first, file, 'get', '/crm/v3/owners')
    const after = String((first.body.paging as { next: { after: string } }).next.after)
    expectFits(await api(sim, token, 'GET', `/crm/v3/owners?limit=2&after=${after}`), file, 'get', '/crm/v3/owners')
    expectFits(await api(sim, token, 'GET', '/crm/v3/owners?archived=true'), file, 'get', '/crm/v3/owners')
    const owner = first.body.results?.[0] as { id: string; userId: number }
    for (const path of [`/crm/v3/owners/${owner.id}`, `/crm/v3/owners/${owner.userId}?idProperty=userId`]) {
      const one = await api(sim, token, 'GET', path)
      expect(one.status).toBe(200)
      expectFits(one, file, 'get', '/crm/v3/owners/{ownerId}')
    }
  })

  it('tasks: create on a company for an owner, the refusals, get, list, search, and v4 from the company', async () => {
    const sim = crmSimulator()
    sim.portals.find((candidate) => candidate.portalId === 2000001)?.privateAppScopes.push('crm.objects.owners.read')
    const file = 'crm-tasks-v3.json'
    // Without crm.objects.contacts.write (tasks have no scope of their own): 403.
    const readOnly = await api(sim, privateToken(sim), 'POST', '/crm/v3/objects/tasks', {
      properties: { hs_timestamp: '2026-12-01T09:00:00.000Z' },
      associations: [],
    })
    expect(readOnly.status).toBe(403)
    expect(readOnly.body).toMatchObject({ category: 'MISSING_SCOPES' })
    expectFits(readOnly, file, 'post', '/crm/v3/objects/tasks')
    const token = writerToken(sim)
    const owners = await api(sim, token, 'GET', '/crm/v3/owners')
    const ownerId = String((owners.body.results as { id: string }[])[0]?.id)
    const companies = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')
    const companyId = String(companies.body.results?.[0]?.id)
    const onCompany = (id: string) => [
      { to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
    ]
    const properties = {
      hs_timestamp: '2026-12-01T09:00:00.000Z',
      hs_task_subject: 'Call Acme about its rising churn risk',
      hs_task_body: 'Three urgent tickets open for 9 days.',
      hubspot_owner_id: ownerId,
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'HIGH',
      hs_task_type: 'TODO',
    }
    const created = await api(sim, token, 'POST', '/crm/v3/objects/tasks', {
      properties,
      associations: onCompany(companyId),
    })
    expect(created.status).toBe(201)
    expect(created.body.properties).toMatchObject({ hubspot_owner_id: ownerId, hs_task_priority: 'HIGH' })
    expectFits(created, file, 'post', '/crm/v3/objects/tasks')
    const taskId = String(created.body.id)

    const refusals = [
      { properties: { ...properties, hs_timestamp: undefined }, associations: [], why: 'hs_timestamp' },
      { properties: { ...properties, hubspot_owner_id: '424242' }, associations: [], why: 'INVALID_OWNER_ID' },
      { properties, associations: onCompany('10999999999'), why: '10999999999' },
    ]
    for (const { why, ...body } of refusals) {
      const refused = await api(sim, token, 'POST', '/crm/v3/objects/tasks', body)
      expect(refused.status).toBe(400)
      expect(refused.body).toMatchObject({ category: 'VALIDATION_ERROR' })
      expect(String(refused.body.message)).toContain(why)
      expectFits(refused, file, 'post', '/crm/v3/objects/tasks')
    }

    const one = await api(sim, token, 'GET', `/crm/v3/objects/tasks/${taskId}?properties=hs_task_subject`)
    expect(one.status).toBe(200)
    expectFits(one, file, 'get', '/crm/v3/objects/tasks/{taskId}')
    expectFits(await api(sim, token, 'GET', '/crm/v3/objects/tasks'), file, 'get', '/crm/v3/objects/tasks')
    const found = await api(sim, token, 'POST', '/crm/v3/objects/tasks/search', { query: 'Acme' })
    expect(found.body.total).toBe(1)
    expectFits(found, file, 'post', '/crm/v3/objects/tasks/search')
    const linked = await api(sim, token, 'GET', `/crm/v4/objects/companies/${companyId}/associations/tasks`)
    expect(linked.body.results).toEqual([
      {
        toObjectId: Number(taskId),
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 191, label: null }],
      },
    ])
    expectFits(
      linked,
      'crm-associations-v4.json',
      'get',
      '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}',
    )
    const listed = await control(sim, 'GET', '/portals/2000001/tasks')
    expect(listed.body.results).toEqual([expect.objectContaining({ id: taskId, companyIds: [companyId] })])
  })

  it('property definitions: list, get, create', async () => {
    const sim = crmSimulator()
    const token = writerToken(sim)
    const file = 'crm-properties-v3.json'
    expectFits(
      await api(sim, token, 'GET', '/crm/v3/properties/companies'),
      file,
      'get',
      '/crm/v3/properties/{objectType}',
    )
    expectFits(
      await api(sim, token, 'GET', '/crm/v3/properties/companies/name'),
      file,
      'get',
      '/crm/v3/properties/{objectType}/{propertyName}',
    )
    const created = await api(sim, token, 'POST', '/crm/v3/properties/companies', {
      name: 'churnlens_risk_score',
      label: 'Churn risk',
      type: 'number',
      fieldType: 'number',
      groupName: 'companyinformation',
    })
    expect(created.status).toBe(201)
    expectFits(created, file, 'post', '/crm/v3/properties/{objectType}')
  })

  it('webhook settings and subscriptions', async () => {
    const sim = crmSimulator()
    const { appId } = defaultApp(sim)
    const file = 'webhooks-v3.json'
    const key = '?hapikey=developer-key'
    const settings = `/webhooks/v3/${appId}/settings`
    const put = await plain(sim, 'PUT', `${settings}${key}`, {
      targetUrl: 'https://example.com/webhooks',
      throttling: { maxConcurrentRequests: 10 },
    })
    expectFits(put, file, 'put', '/webhooks/v3/{appId}/settings')
    expectFits(await plain(sim, 'GET', `${settings}${key}`), file, 'get', '/webhooks/v3/{appId}/settings')
    const subscriptions = `/webhooks/v3/${appId}/subscriptions`
    const created = await plain(sim, 'POST', `${subscriptions}${key}`, { eventType: 'ticket.creation' })
    expectFits(created, file, 'post', '/webhooks/v3/{appId}/subscriptions')
    const one = `${subscriptions}/${String(created.body.id)}${key}`
    expectFits(await plain(sim, 'GET', `${subscriptions}${key}`), file, 'get', '/webhooks/v3/{appId}/subscriptions')
    expectFits(await plain(sim, 'GET', one), file, 'get', '/webhooks/v3/{appId}/subscriptions/{subscriptionId}')
    expectFits(
      await plain(sim, 'PATCH', one, { active: true }),
      file,
      'patch',
      '/webhooks/v3/{appId}/subscriptions/{subscriptionId}',
    )
    expectFits(await plain(sim, 'DELETE', one), file, 'delete', '/webhooks/v3/{appId}/subscriptions/{subscriptionId}')
    expectFits(await plain(sim, 'GET', settings), file, 'get', '/webhooks/v3/{appId}/settings')
    expectFits(await plain(sim, 'DELETE', `${settings}${key}`), file, 'delete', '/webhooks/v3/{appId}/settings')
  })
})

/** The set of fields a live portal sent in a recorded body, to compare with the simulator's (the spec makes most optional). */
function recordedFields(file: string, pointer?: string): string[] {
  return Object.keys(select(readRecordedBody(file), pointer) as object).sort()
}
const fields = (body: unknown) => Object.keys(body as object).sort()

describe.skipIf(!specsPresent || !recordingsPresent)('the simulator sends the fields real HubSpot sends', () => {
  it('CRM objects carry url, and nothing else beyond the recorded fields', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const ticket = await api(sim, token, 'GET', '/crm/v3/objects/tickets/30000000001')
    expect(fields(ticket.body)).toEqual(recordedFields('tickets-get.json'))
    expect(ticket.body.url).toBe('https://app.hubspot.com/contacts/2000001/record/0-5/30000000001')
    const companies = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')
    expect(fields(companies.body.results?.[0])).toEqual(recordedFields('companies-list.json', '/results/0'))
  })

  it('token responses carry hub_id and scopes (v1), and also token_use and user_id (v3, 2026-03)', async () => {
    const sim = crmSimulator()
    const app = defaultApp(sim)
    const tokens = await connect(sim)
    const grant = { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }
    const client = { client_id: app.clientId, client_secret: app.clientSecret }
    const v1 = await form(sim, '/oauth/v1/token', { ...grant, ...client })
    expect(fields(v1.body)).toEqual(recordedFields('oauth-token-response-2025-08.json'))
    const current = await form(sim, '/oauth/2026-03/token', { ...grant, ...client })
    expect(fields(current.body)).toEqual(
      [...recordedFields('oauth-token-response-2025-08.json'), 'token_use', 'user_id'].sort(),
    )
    expect(current.body).toMatchObject({
      token_use: 'access_token',
      hub_id: 2000001,
      scopes: expect.arrayContaining(['oauth']),
    })
    const bad = await form(sim, '/oauth/2026-03/token', { ...grant, refresh_token: 'nope', ...client })
    expect(fields(bad.body)).toEqual(recordedFields('oauth-error-bad-refresh-token-2026.json'))
    const info = await plain(sim, 'GET', `/oauth/v1/access-tokens/${String(v1.body.access_token)}`)
    expect(fields(info.body)).toEqual(recordedFields('oauth-v1-access-token-info.json'))
    expect(fields(info.body.signed_access_token)).toEqual(
      recordedFields('oauth-v1-access-token-info.json', '/signed_access_token'),
    )
  })

  it('property definitions: the recorded fields for built-in and created ones', async () => {
    const sim = crmSimulator()
    const token = writerToken(sim)
    const listed = await api(sim, token, 'GET', '/crm/v3/properties/companies')
    const recorded = (readRecordedBody('properties-companies-list.json') as { results: { name: string }[] }).results
    for (const real of recorded) {
      const ours = listed.body.results?.find((definition) => definition.name === real.name)
      expect(ours, real.name).toBeDefined()
      expect(fields(ours), real.name).toEqual(fields(real))
    }
    const created = await api(sim, token, 'POST', '/crm/v3/properties/companies', {
      name: 'churnlens_risk_band',
      label: 'Churn risk band',
      type: 'string',
      fieldType: 'text',
      groupName: 'companyinformation',
    })
    expect(fields(created.body)).toEqual(recordedFields('property-create.json'))
  })

  it('a 207 NO_ASSOCIATIONS_FOUND error names both object types', async () => {
    const sim = crmSimulator()
    const answer = await api(sim, privateToken(sim), 'POST', '/crm/v4/associations/tickets/companies/batch/read', {
      inputs: [{ id: '999' }],
    })
    const error = (answer.body.errors as { context: object }[])[0]
    expect(fields(error)).toEqual(recordedFields('assoc-v4-batch-read-207.json', '/errors/0'))
    expect(error?.context).toEqual({ fromObjectId: ['999'], fromObjectType: ['ticket'], toObjectType: ['company'] })
  })
})
