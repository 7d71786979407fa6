import { describe, expect, it } from 'vitest'
import type { Simulator } from '../src/index'
import { api, crmSimulator, privateToken } from './crm-helpers'
import { connect } from './helpers'

const isoMs = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const portalId = 2000002

interface HistoryEntry {
  value: string
  timestamp: string
  sourceType: string
  sourceId?: string
  updatedByUserId?: number
}

function historyOf(body: Record<string, unknown>, name: string): HistoryEntry[] {
  return ((body.propertiesWithHistory as Record<string, HistoryEntry[]> | undefined) ?? {})[name] ?? []
}

function createCompany(sim: Simulator, properties: Record<string, string>): string {
  const created = sim.control.createRecord(portalId, 'companies', { properties })
  if (!created.ok) throw new Error(created.error.message)
  return created.value.id
}

describe('propertiesWithHistory', () => {
  it('records every change with its time and who made it, newest first, beside the current value', async () => {
    const clock = { at: Date.parse('2026-09-01T12:00:00.000Z') }
    const moving = crmSimulator({ clock: { now: () => clock.at } })
    const id = createCompany(moving, { name: 'History Co', lifecyclestage: 'customer' })
    clock.at += 86_400_000
    moving.control.updateRecord(portalId, 'companies', id, { lifecyclestage: 'other' })
    clock.at += 86_400_000
    moving.control.updateRecord(portalId, 'companies', id, { lifecyclestage: '' })

    const read = await api(
      moving,
      privateToken(moving, portalId),
      'GET',
      `/crm/v3/objects/companies/${id}?propertiesWithHistory=lifecyclestage,no_such_property`,
    )
    expect(read.status).toBe(200)
    const userId = moving.portals.find((portal) => portal.portalId === portalId)?.users[0]?.userId
    const byUser = { sourceType: 'CRM_UI', sourceId: `userId:${userId}`, updatedByUserId: userId }
    expect(read.body.propertiesWithHistory).toEqual({
      lifecyclestage: [
        { value: '', timestamp: '2026-09-03T12:00:00.000Z', ...byUser },
        { value: 'other', timestamp: '2026-09-02T12:00:00.000Z', ...byUser },
        { value: 'customer', timestamp: '2026-09-01T12:00:00.000Z', ...byUser },
      ],
    })
    expect(read.body.properties).toMatchObject({ name: 'History Co', hs_object_id: id })
    expect(Object.keys(read.body.properties as object)).not.toContain('lifecyclestage')
  })

  it('marks API writes and the values HubSpot calculates', async () => {
    const sim = crmSimulator()
    const { access_token: token } = await connect(sim, String(portalId))
    sim.control.setGrantedScopes(portalId, [
      'oauth',
      'tickets',
      'crm.objects.companies.read',
      'crm.objects.companies.write',
    ])
    const id = createCompany(sim, { name: 'Before' })
    expect(
      (await api(sim, token, 'PATCH', `/crm/v3/objects/companies/${id}`, { properties: { name: 'After' } })).status,
    ).toBe(200)
    const read = await api(sim, token, 'GET', `/crm/v3/objects/companies/${id}?propertiesWithHistory=name`)
    expect(historyOf(read.body, 'name').map((entry) => [entry.value, entry.sourceType])).toEqual([
      ['After', 'API'],
      ['Before', 'CRM_UI'],
    ])

    const ticket = sim.control.createRecord(portalId, 'tickets', {
      properties: { subject: 'Closing soon', hs_pipeline_stage: '1' },
    })
    if (!ticket.ok) throw new Error(ticket.error.message)
    sim.control.updateRecord(portalId, 'tickets', ticket.value.id, { hs_pipeline_stage: '4' })
    const closed = await api(
      sim,
      token,
      'GET',
      `/crm/v3/objects/tickets/${ticket.value.id}?propertiesWithHistory=hs_pipeline_stage,closed_date`,
    )
    expect(historyOf(closed.body, 'hs_pipeline_stage').map((entry) => entry.value)).toEqual(['4', '1'])
    expect(historyOf(closed.body, 'closed_date')).toEqual([
      { value: expect.stringMatching(isoMs), timestamp: expect.stringMatching(isoMs), sourceType: 'CALCULATED' },
    ])
  })

  it('gives seeded records a history too: a value set once has one entry, an unset one none', async () => {
    const sim = crmSimulator()
    const read = await api(
      sim,
      privateToken(sim, portalId),
      'GET',
      '/crm/v3/objects/tickets/30000000001?propertiesWithHistory=subject,hs_pipeline_stage,closed_date,hubspot_owner_id',
    )
    const subject = historyOf(read.body, 'subject')
    expect(subject).toHaveLength(1)
    expect(subject[0]).toMatchObject({
      value: (read.body.properties as Record<string, string>).subject,
      timestamp: read.body.createdAt,
    })
    expect(historyOf(read.body, 'hs_pipeline_stage').at(-1)?.value).toBe('1')
    expect(read.body.propertiesWithHistory).toHaveProperty('hubspot_owner_id', [])
  })

  it('pages with history hold at most 50 records; list, read and batch read answer it, search ignores it', async () => {
    const sim = crmSimulator()
    const token = privateToken(sim, portalId)
    const tooMany = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=51&propertiesWithHistory=name')
    expect(tooMany.status).toBe(400)
    expect(tooMany.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' })
    expect((await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=100')).status).toBe(200)
    const page = await api(
      sim,
      token,
      'GET',
      '/crm/v3/objects/companies?limit=50&propertiesWithHistory=name&propertiesWithHistory=domain',
    )
    expect(page.status).toBe(200)
    expect(page.body.results).toHaveLength(50)
    for (const company of page.body.results ?? []) {
      expect(Object.keys(company.propertiesWithHistory as object).sort()).toEqual(['domain', 'name'])
      expect(historyOf(company, 'name')[0]?.value).toBe((company.properties as Record<string, string>).name)
    }

    const inputs = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: String(10_000_000_001 + index) }))
    const batchTooMany = await api(sim, token, 'POST', '/crm/v3/objects/companies/batch/read', {
      inputs: inputs(51),
      properties: ['name'],
      propertiesWithHistory: ['name'],
    })
    expect(batchTooMany.status).toBe(400)
    expect(batchTooMany.body).toEqual({
      status: 'error',
      message:
        'The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again',
      correlationId: expect.any(String),
      category: 'VALIDATION_ERROR',
    })
    expect(
      (
        await api(sim, token, 'POST', '/crm/v3/objects/companies/batch/read', {
          inputs: inputs(51),
          properties: ['name'],
          propertiesWithHistory: [],
        })
      ).status,
    ).toBe(200)
    const batch = await api(sim, token, 'POST', '/crm/v3/objects/companies/batch/read', {
      inputs: inputs(50),
      properties: ['name'],
      propertiesWithHistory: ['lifecyclestage'],
    })
    expect(batch.status).toBe(200)
    expect(batch.body.results?.every((company) => Array.isArray(historyOf(company, 'lifecyclestage')))).toBe(true)

    const search = await api(sim, token, 'POST', '/crm/v3/objects/companies/search', {
      limit: 5,
      properties: ['name'],
      propertiesWithHistory: ['name'],
    })
    expect(search.status).toBe(200)
    expect(search.body.results?.[0]).not.toHaveProperty('propertiesWithHistory')
  })
})
