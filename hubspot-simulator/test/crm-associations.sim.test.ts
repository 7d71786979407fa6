import { describe, expect, it } from 'vitest'
import { api, crmSimulator, privateToken } from './crm-helpers'
import { connect } from './helpers'

type Row = { toObjectId: number; associationTypes: { category: string; typeId: number; label: string | null }[] }

describe('associations v4', () => {
  it("lists an object's associations with type ids and labels, paged by toObjectId", async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const ticket = await api(sim, token, 'GET', '/crm/v4/objects/tickets/30000000001/associations/companies')
    expect(ticket.body.results).toEqual([
      {
        toObjectId: expect.any(Number),
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: 26, label: 'Primary' },
          { category: 'HUBSPOT_DEFINED', typeId: 339, label: null },
        ],
      },
    ])
    const contact = await api(sim, token, 'GET', '/crm/v4/objects/tickets/30000000001/associations/contacts')
    expect((contact.body.results as Row[])[0]?.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 16, label: null },
    ])

    const companyId = (ticket.body.results as Row[])[0]?.toObjectId
    const all = await api(sim, token, 'GET', `/crm/v4/objects/companies/${companyId}/associations/tickets`)
    const allIds = (all.body.results as Row[]).map((row) => row.toObjectId)
    expect(allIds).toContain(30000000001)
    expect((all.body.results as Row[])[0]?.associationTypes.map((type) => type.typeId)).toEqual([25, 340])
    const firstPage = await api(
      sim,
      token,
      'GET',
      `/crm/v4/objects/companies/${companyId}/associations/tickets?limit=2`,
    )
    const next = (firstPage.body.paging as { next: { after: string } }).next.after
    const secondPage = await api(
      sim,
      token,
      'GET',
      `/crm/v4/objects/companies/${companyId}/associations/tickets?limit=2&after=${next}`,
    )
    expect(
      [...(firstPage.body.results as Row[]), ...(secondPage.body.results as Row[])].map((row) => row.toObjectId),
    ).toEqual(allIds.slice(0, 4))
    const contacts = await api(sim, token, 'GET', `/crm/v4/objects/companies/${companyId}/associations/contacts`)
    expect((contacts.body.results as Row[])[0]?.associationTypes.map((type) => type.typeId)).toEqual([2, 280])
  })

  it('batch reads, with 207 errors for ids without associations', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const result = await api(sim, token, 'POST', '/crm/v4/associations/contacts/companies/batch/read', {
      inputs: [{ id: '20000000001' }, { id: '42' }],
    })
    expect(result.status).toBe(207)
    expect(result.body).toMatchObject({
      status: 'COMPLETE',
      results: [
        {
          from: { id: '20000000001' },
          to: [
            {
              toObjectId: expect.any(Number),
              associationTypes: [
                { typeId: 1, label: 'Primary' },
                { typeId: 279, label: null },
              ],
            },
          ],
        },
      ],
      numErrors: 1,
      errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', context: { fromObjectId: ['42'] } }],
    })
    const complete = await api(sim, token, 'POST', '/crm/v4/associations/tickets/companies/batch/read', {
      inputs: [{ id: '30000000001' }],
    })
    expect(complete.status).toBe(200)
    expect(complete.body.status).toBe('COMPLETE')
  })

  it('a new primary company demotes the old one; DELETE removes the link', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim)
    const before = (await api(sim, token, 'GET', '/crm/v4/objects/tickets/30000000001/associations/companies')).body
      .results as Row[]
    const oldCompany = String(before[0]?.toObjectId)
    const newCompany = oldCompany === '10000000001' ? '10000000002' : '10000000001'
    expect(
      sim.control.setAssociation(2000001, {
        fromType: 'tickets',
        fromId: '30000000001',
        toType: 'companies',
        toId: newCompany,
        primary: true,
      }).ok,
    ).toBe(true)
    const after = (await api(sim, token, 'GET', '/crm/v4/objects/tickets/30000000001/associations/companies')).body
      .results as Row[]
    const primary = after
      .filter((row) => row.associationTypes.some((type) => type.typeId === 26))
      .map((row) => String(row.toObjectId))
    expect(primary).toEqual([newCompany])
    expect(after).toHaveLength(2)

    // Writing a ticket↔company link needs both write scopes; the private app only reads companies.
    expect(
      (await api(sim, token, 'DELETE', `/crm/v4/objects/tickets/30000000001/associations/companies/${oldCompany}`))
        .status,
    ).toBe(403)
    const writer = (await connect(sim, '2000001', { optional_scope: 'crm.objects.companies.write' })).access_token
    const removed = await api(
      sim,
      writer,
      'DELETE',
      `/crm/v4/objects/tickets/30000000001/associations/companies/${oldCompany}`,
    )
    expect(removed.status).toBe(204)
    expect(
      (
        (await api(sim, token, 'GET', '/crm/v4/objects/tickets/30000000001/associations/companies')).body
          .results as Row[]
      ).map((row) => String(row.toObjectId)),
    ).toEqual([newCompany])
  })
})
