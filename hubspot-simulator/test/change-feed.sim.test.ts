import { describe, expect, it } from 'vitest'
import type { CrmChange } from '../src/index'
import { api, control, crmSimulator } from './crm-helpers'
import { connect } from './helpers'

const at = Date.parse('2026-09-01T12:00:00.000Z')

describe('change feed', () => {
  it('control writes publish with changeSource CRM_UI', async () => {
    const sim = crmSimulator()
    const changes: CrmChange[] = []
    const unsubscribe = sim.changes.subscribe((change) => changes.push(change))

    const created = await control(sim, 'POST', '/portals/2000003/records/companies', {
      properties: { name: 'Acme', domain: 'acme.test' },
    })
    const id = String(created.body.id)
    const base = { objectType: 'companies', portalId: 2000003, objectId: id, occurredAt: at, changeSource: 'CRM_UI' }
    expect(changes).toEqual([
      { kind: 'creation', ...base },
      { kind: 'propertyChange', ...base, propertyName: 'createdate', propertyValue: '2026-09-01T12:00:00.000Z' },
      { kind: 'propertyChange', ...base, propertyName: 'name', propertyValue: 'Acme' },
      { kind: 'propertyChange', ...base, propertyName: 'domain', propertyValue: 'acme.test' },
    ])
    changes.length = 0

    await control(sim, 'PATCH', `/portals/2000003/records/companies/${id}`, {
      properties: { name: 'Acme', industry: 'RETAIL' },
    })
    expect(changes).toEqual([{ kind: 'propertyChange', ...base, propertyName: 'industry', propertyValue: 'RETAIL' }])
    changes.length = 0

    await control(sim, 'POST', '/portals/2000003/associations', {
      fromType: 'contacts',
      fromId: '20000000001',
      toType: 'companies',
      toId: id,
      primary: true,
    })
    expect(changes).toEqual([
      {
        kind: 'associationChange',
        objectType: 'contacts',
        portalId: 2000003,
        fromObjectId: '20000000001',
        toObjectId: id,
        associationType: 'CONTACT_TO_COMPANY',
        associationRemoved: false,
        occurredAt: at,
        changeSource: 'CRM_UI',
      },
      {
        kind: 'associationChange',
        objectType: 'companies',
        portalId: 2000003,
        fromObjectId: id,
        toObjectId: '20000000001',
        associationType: 'COMPANY_TO_CONTACT',
        associationRemoved: false,
        occurredAt: at,
        changeSource: 'CRM_UI',
      },
    ])
    changes.length = 0

    await control(sim, 'POST', '/portals/2000003/records/companies/merge', { primaryId: id, mergedId: '10000000001' })
    expect(changes).toEqual([
      {
        kind: 'merge',
        objectType: 'companies',
        portalId: 2000003,
        primaryObjectId: id,
        mergedObjectIds: ['10000000001'],
        newObjectId: id,
        occurredAt: at,
        changeSource: 'CRM_UI',
      },
    ])
    changes.length = 0

    await control(sim, 'DELETE', `/portals/2000003/records/companies/${id}`)
    await control(sim, 'POST', `/portals/2000003/records/companies/${id}/restore`)
    expect(changes.map((change) => change.kind)).toEqual(['deletion', 'restore'])

    unsubscribe()
    await control(sim, 'PATCH', `/portals/2000003/records/companies/${id}`, { properties: { name: 'Acme 2' } })
    expect(changes).toHaveLength(2)
  })

  it('public API writes publish with changeSource API, including the ticket close values', async () => {
    const sim = crmSimulator()
    const { access_token: token } = await connect(sim)
    const changes: CrmChange[] = []
    sim.changes.subscribe((change) => changes.push(change))
    // Open it first (whatever its generated stage), so the next write is a close.
    expect(
      (
        await api(sim, token, 'PATCH', '/crm/v3/objects/tickets/30000000005', {
          properties: { hs_pipeline_stage: '3' },
        })
      ).status,
    ).toBe(200)
    changes.length = 0
    await api(sim, token, 'PATCH', '/crm/v3/objects/tickets/30000000005', { properties: { hs_pipeline_stage: '4' } })
    expect(
      changes.map((change) =>
        change.kind === 'propertyChange' ? [change.propertyName, change.changeSource] : [change.kind],
      ),
    ).toEqual([
      ['hs_pipeline_stage', 'API'],
      ['closed_date', 'API'],
      ['time_to_close', 'API'],
    ])
    changes.length = 0
    await api(sim, token, 'DELETE', '/crm/v3/objects/tickets/30000000005')
    expect(changes).toEqual([
      {
        kind: 'deletion',
        objectType: 'tickets',
        portalId: 2000001,
        objectId: '30000000005',
        occurredAt: at,
        changeSource: 'API',
      },
    ])
  })

  it('a throwing listener does not fail the write', async () => {
    const sim = crmSimulator()
    sim.changes.subscribe(() => {
      throw new Error('listener bug')
    })
    const seen: string[] = []
    sim.changes.subscribe((change) => seen.push(change.kind))
    const original = console.error
    console.error = () => undefined
    try {
      expect(sim.control.archiveRecord(2000003, 'tickets', '30000000001').ok).toBe(true)
    } finally {
      console.error = original
    }
    expect(seen).toEqual(['deletion'])
  })
})
