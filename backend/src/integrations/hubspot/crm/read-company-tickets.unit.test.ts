import { describe, expect, it } from 'vitest'
import { processCompanyTickets } from './read-company-tickets'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('company → ticket associations', () => {
  it('maps each ticket to its company, the primary one when a ticket has several', async () => {
    const answer = await processCompanyTickets(
      json(200, {
        results: [
          { from: { id: '1' }, to: [{ toObjectId: 7, associationTypes: [{ typeId: 340 }] }] },
          { from: { id: 2 }, to: [{ toObjectId: '7', associationTypes: [{ typeId: 25 }, { typeId: 340 }] }] },
          { from: { id: '3' }, to: [{ toObjectId: 8, associationTypes: [{ typeId: 340 }] }] },
        ],
      }),
    )
    expect(answer).toEqual({
      ok: true,
      value: {
        companyOf: new Map([
          ['7', 2],
          ['8', 3],
        ]),
        truncated: false,
      },
    })
  })

  it('companies without tickets (207 errors) add nothing; a paged row says the list is cut short', async () => {
    const answer = await processCompanyTickets(
      json(207, {
        status: 'COMPLETE',
        results: [{ from: { id: '1' }, to: [{ toObjectId: 9 }], paging: { next: { after: 'x' } } }],
        errors: [
          { status: 'error', category: 'OBJECT_NOT_FOUND', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND' },
        ],
      }),
    )
    expect(answer).toEqual({ ok: true, value: { companyOf: new Map([['9', 1]]), truncated: true } })
  })
})
