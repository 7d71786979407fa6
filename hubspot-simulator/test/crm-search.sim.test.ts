import { describe, expect, it } from 'vitest'
import { api, crmSimulator, ids, movableClock, privateToken } from './crm-helpers'

const search = (filters: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  filterGroups: [{ filters }],
  ...extra,
})

describe('CRM search', () => {
  it('defaults: limit 10, creation order, default properties, integer after, total', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim, 2000003)
    const first = await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', {})
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ total: 700, paging: { next: { after: '10' } } })
    expect(ids(first)).toEqual(Array.from({ length: 10 }, (_, i) => String(30_000_000_001 + i)))
    const second = await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', { after: '10', limit: 200 })
    expect(ids(second)[0]).toBe('30000000011')
    expect(second.body.results).toHaveLength(200)
    const last = await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', { after: '600', limit: 200 })
    expect(last.body.results).toHaveLength(100)
    expect(last.body.paging).toBeUndefined()
  })

  it('implements every operator', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim, 2000003)
    const count = async (filters: unknown[]): Promise<number> =>
      Number((await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', search(filters))).body.total)
    const total = 700
    const urgent = await count([{ propertyName: 'hs_ticket_priority', operator: 'EQ', value: 'URGENT' }])
    expect(urgent).toBeGreaterThan(0)
    expect(await count([{ propertyName: 'hs_ticket_priority', operator: 'NEQ', value: 'URGENT' }])).toBe(total - urgent)
    const high = await count([{ propertyName: 'hs_ticket_priority', operator: 'IN', values: ['HIGH', 'URGENT'] }])
    expect(await count([{ propertyName: 'hs_ticket_priority', operator: 'NOT_IN', values: ['HIGH', 'URGENT'] }])).toBe(
      total - high,
    )
    const closed = await count([{ propertyName: 'closed_date', operator: 'HAS_PROPERTY' }])
    expect(await count([{ propertyName: 'closed_date', operator: 'NOT_HAS_PROPERTY' }])).toBe(total - closed)
    expect(await count([{ propertyName: 'hs_pipeline_stage', operator: 'EQ', value: 4 }])).toBe(closed)

    const cutoff = Date.parse('2026-06-01T00:00:00.000Z')
    const before = await count([{ propertyName: 'createdate', operator: 'LT', value: String(cutoff) }])
    expect(await count([{ propertyName: 'createdate', operator: 'GTE', value: '2026-06-01T00:00:00.000Z' }])).toBe(
      total - before,
    )
    expect(await count([{ propertyName: 'createdate', operator: 'LTE', value: String(cutoff) }])).toBe(before)
    expect(await count([{ propertyName: 'createdate', operator: 'GT', value: String(cutoff) }])).toBe(total - before)
    expect(
      await count([
        { propertyName: 'hs_object_id', operator: 'BETWEEN', value: '30000000011', highValue: '30000000020' },
      ]),
    ).toBe(10)

    const cancel = await count([{ propertyName: 'content', operator: 'CONTAINS_TOKEN', value: 'cancel' }])
    expect(cancel).toBeGreaterThan(0)
    expect(await count([{ propertyName: 'content', operator: 'NOT_CONTAINS_TOKEN', value: 'cancel' }])).toBe(
      total - cancel,
    )
    expect(
      await count([{ propertyName: 'subject', operator: 'CONTAINS_TOKEN', value: 'cancel*' }]),
    ).toBeGreaterThanOrEqual(1)
  })

  it('ORs filter groups, ANDs filters, sorts by one property, and searches text with query', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim, 2000003)
    const body = {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_ticket_priority', operator: 'EQ', value: 'URGENT' },
            { propertyName: 'hs_pipeline_stage', operator: 'EQ', value: '4' },
          ],
        },
        { filters: [{ propertyName: 'hs_ticket_priority', operator: 'EQ', value: 'HIGH' }] },
      ],
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
      properties: ['hs_ticket_priority', 'hs_pipeline_stage'],
      limit: 200,
    }
    const result = await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', body)
    const rows = (result.body.results ?? []).map((r) => r.properties as Record<string, string>)
    for (const row of rows)
      expect(
        row.hs_ticket_priority === 'HIGH' || (row.hs_ticket_priority === 'URGENT' && row.hs_pipeline_stage === '4'),
      ).toBe(true)
    const dates = rows.map((row) => row.createdate ?? '')
    expect(dates).toEqual([...dates].sort().reverse())

    const company = await api(sim, token, 'GET', '/crm/v3/objects/companies/10000000001')
    const name = (company.body.properties as Record<string, string>).name ?? ''
    const found = await api(sim, privateToken(sim, 2000003), 'POST', '/crm/v3/objects/companies/search', {
      query: name.split(' ')[0]?.toLowerCase(),
    })
    expect(ids(found)).toContain('10000000001')
  })

  it('never returns archived records', async () => {
    const sim = crmSimulator()
    sim.control.archiveRecord(2000003, 'tickets', '30000000001')
    const result = await api(sim, privateToken(sim, 2000003), 'POST', '/crm/v3/objects/tickets/search', { limit: 1 })
    expect(result.body.total).toBe(699)
    expect(ids(result)).toEqual(['30000000002'])
  })

  it.each([
    [
      'more than 5 filter groups',
      {
        filterGroups: Array.from({ length: 6 }, () => ({
          filters: [{ propertyName: 'subject', operator: 'HAS_PROPERTY' }],
        })),
      },
    ],
    [
      'more than 6 filters in a group',
      search(Array.from({ length: 7 }, () => ({ propertyName: 'subject', operator: 'HAS_PROPERTY' }))),
    ],
    [
      'more than 18 filters',
      {
        filterGroups: Array.from({ length: 4 }, () => ({
          filters: Array.from({ length: 5 }, () => ({ propertyName: 'subject', operator: 'HAS_PROPERTY' })),
        })),
      },
    ],
    ['limit above 200', { limit: 201 }],
    ['two sorts', { sorts: ['createdate', 'subject'] }],
    ['a non-integer after', { after: 'abc' }],
    ['paging to 10,000', { after: '10000' }],
    ['an unknown filter property', search([{ propertyName: 'nope', operator: 'EQ', value: '1' }])],
    ['a body over 3000 characters', { query: 'x'.repeat(3000) }],
  ])('400 VALIDATION_ERROR for %s', async (_, body) => {
    const sim = crmSimulator()
    const result = await api(sim, privateToken(sim), 'POST', '/crm/v3/objects/tickets/search', body)
    expect(result.status).toBe(400)
    expect(result.body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      correlationId: expect.any(String),
    })
  })

  it('stops paging at 10,000 results even when total is larger', async () => {
    const sim = crmSimulator()
    const created = sim.control.createPortal({ companies: 100, tickets: 10_100 })
    const token = created.privateAppToken
    const near = await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', { after: '9900', limit: 200 })
    expect(near.body.total).toBe(10_100)
    expect(near.body.results).toHaveLength(100)
    expect(near.body.paging).toBeUndefined()
    expect(
      (await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', { after: '9800', limit: 100 })).body.paging,
    ).toEqual({ next: { after: '9900' } })
  })

  it('has its own 5/second per-portal limit, with no rate-limit headers', async () => {
    const clock = movableClock()
    const sim = crmSimulator({ clock, settings: { rateLimitsEnabled: true } })
    const token = privateToken(sim)
    for (let i = 0; i < 5; i++) {
      const ok = await api(sim, token, 'POST', '/crm/v3/objects/companies/search', { limit: 1 })
      expect(ok.status).toBe(200)
      expect([...ok.headers.keys()].filter((name) => name.startsWith('x-hubspot-ratelimit'))).toEqual([])
    }
    const limited = await api(sim, token, 'POST', '/crm/v3/objects/companies/search', { limit: 1 })
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.any(String),
    })
    expect(limited.headers.get('retry-after')).toBeNull()
    // Other endpoints aren't affected, and the next second frees the search window.
    expect((await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=1')).status).toBe(200)
    clock.set(clock.now() + 1000)
    expect((await api(sim, token, 'POST', '/crm/v3/objects/companies/search', { limit: 1 })).status).toBe(200)
  })
})

describe('search index lag', () => {
  it('search sees each write only after its own share of searchIndexLagMs; reads see it at once', async () => {
    const clock = movableClock()
    const sim = crmSimulator({ clock, settings: { searchIndexLagMs: 10_000 } })
    const token = privateToken(sim)
    const edited = Array.from({ length: 20 }, (_, index) => String(30000000001 + index))
    for (const id of edited) sim.control.updateRecord(2000001, 'tickets', id, { subject: 'lagging' })
    const search = async () =>
      ids(
        await api(sim, token, 'POST', '/crm/v3/objects/tickets/search', {
          filterGroups: [{ filters: [{ propertyName: 'subject', operator: 'EQ', value: 'lagging' }] }],
          limit: 100,
        }),
      )
    expect(await search()).toEqual([])
    expect((await api(sim, token, 'GET', `/crm/v3/objects/tickets/${edited[0]}`)).body.properties).toMatchObject({
      subject: 'lagging',
    })
    clock.set(clock.now() + 5_000)
    const halfway = await search()
    expect(halfway.length).toBeGreaterThan(0)
    expect(halfway.length).toBeLessThan(edited.length)
    clock.set(clock.now() + 5_000)
    expect(await search()).toEqual(edited)
  })
})
