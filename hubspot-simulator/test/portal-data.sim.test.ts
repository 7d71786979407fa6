import { describe, expect, it } from 'vitest'
import { generatePortalData } from '../src/index'
import { churnPatterns } from '../src/data/churn-patterns'
import type { GeneratedPortalData, GeneratedTicket } from '../src/data/generated-records'
import { control, crmSimulator } from './crm-helpers'

const now = Date.parse('2026-09-01T12:00:00.000Z')
const dayMs = 86_400_000

function ticketsByCompany(data: GeneratedPortalData): Map<number, GeneratedTicket[]> {
  const byCompany = new Map<number, GeneratedTicket[]>()
  for (const ticket of data.tickets)
    byCompany.set(ticket.companyIndex, [...(byCompany.get(ticket.companyIndex) ?? []), ticket])
  return byCompany
}

const share = (items: readonly boolean[]): number => items.filter(Boolean).length / Math.max(1, items.length)

describe('generated portal data', () => {
  const data = generatePortalData({ seed: 'shares', now, companies: 1000, tickets: 17_000 })
  const byCompany = ticketsByCompany(data)
  const churners = data.companies
    .map((company, index) => ({ company, index }))
    .filter(({ company }) => company.churning)
  const healthy = data.companies
    .map((company, index) => ({ company, index }))
    .filter(({ company }) => !company.churning)
  const tickets = (index: number): GeneratedTicket[] => byCompany.get(index) ?? []

  it('is deterministic from seed and clock, and differs across seeds', () => {
    const again = generatePortalData({ seed: 'shares', now, companies: 1000, tickets: 17_000 })
    expect(again).toEqual(data)
    expect(generatePortalData({ seed: 'other', now, companies: 1000, tickets: 17_000 }).tickets[0]).not.toEqual(
      data.tickets[0],
    )
  })

  it('hits the requested sizes: exact tickets, ~3.5 contacts per company, ~12% churning, tickets within 12 months', () => {
    expect(data.companies).toHaveLength(1000)
    expect(data.tickets).toHaveLength(17_000)
    expect(data.contacts.length / 1000).toBeGreaterThan(3.2)
    expect(data.contacts.length / 1000).toBeLessThan(3.8)
    expect(churners).toHaveLength(120)
    for (const ticket of data.tickets) {
      expect(ticket.createdAt).toBeGreaterThanOrEqual(now - 365 * dayMs)
      expect(ticket.createdAt).toBeLessThanOrEqual(now)
      expect(ticket.updatedAt).toBeLessThanOrEqual(now)
    }
  })

  it('uses every churn pattern, with companies mixing several', () => {
    const counts = new Map<string, number>()
    for (const { company } of churners)
      for (const pattern of company.patterns) counts.set(pattern, (counts.get(pattern) ?? 0) + 1)
    for (const pattern of churnPatterns) expect(counts.get(pattern) ?? 0).toBeGreaterThanOrEqual(10)
    expect(share(churners.map(({ company }) => company.patterns.length > 1))).toBeGreaterThan(0.4)
    expect(healthy.every(({ company }) => company.patterns.length === 0)).toBe(true)
  })

  it('shapes the data per pattern', () => {
    const withPattern = (pattern: string): number[] =>
      churners.filter(({ company }) => company.patterns.includes(pattern)).map(({ index }) => index)
    const recentShare = (index: number): number => share(tickets(index).map((t) => t.createdAt >= now - 60 * dayMs))
    // Volume spike: far more of the year's tickets in the last two months than a steady company (~16%).
    expect(withPattern('volume_spike').every((index) => recentShare(index) > 0.35)).toBe(true)
    // Gone silent: nothing in the last 50 days.
    expect(
      withPattern('gone_silent').every((index) => tickets(index).every((t) => t.createdAt < now - 50 * dayMs)),
    ).toBe(true)
    // Language: each carries the words at least twice.
    const mentions = (index: number, words: RegExp): number =>
      tickets(index).filter((t) => words.test(`${t.properties.subject} ${t.properties.content}`)).length
    expect(
      withPattern('cancellation_language').every(
        (index) => mentions(index, /cancel|refund|switching to|terminate our contract/i) >= 2,
      ),
    ).toBe(true)
    expect(
      withPattern('frustration_language').every(
        (index) => mentions(index, /frustrated|unacceptable|still not fixed/i) >= 2,
      ),
    ).toBe(true)
    expect(
      withPattern('reopened_tickets').every(
        (index) =>
          tickets(index).filter(
            (t) => t.properties.subject?.startsWith('Reopened: ') && t.properties.hs_pipeline_stage === '3',
          ).length >= 2,
      ),
    ).toBe(true)
    // Backlog: open tickets older than 30 days.
    const oldOpen = (index: number): number =>
      tickets(index).filter((t) => t.properties.hs_pipeline_stage !== '4' && t.createdAt < now - 30 * dayMs).length
    expect(share(withPattern('growing_backlog').map((index) => oldOpen(index) >= 2))).toBeGreaterThan(0.8)
  })

  it('keeps healthy companies mostly calm, with some noise', () => {
    const healthyTickets = healthy.flatMap(({ index }) => tickets(index))
    expect(
      share(
        healthyTickets.map(
          (t) => t.properties.hs_ticket_priority === 'LOW' || t.properties.hs_ticket_priority === 'MEDIUM',
        ),
      ),
    ).toBeGreaterThan(0.8)
    const closed = healthyTickets.filter((t) => t.properties.time_to_close !== undefined)
    const medianDays =
      Number(
        [...closed.map((t) => Number(t.properties.time_to_close))].sort((a, b) => a - b)[Math.floor(closed.length / 2)],
      ) / dayMs
    expect(medianDays).toBeLessThan(3)
    expect(
      share(healthy.map(({ index }) => tickets(index).some((t) => t.properties.hs_ticket_priority === 'URGENT'))),
    ).toBeGreaterThan(0.05)
    expect(healthy.some(({ index }) => tickets(index).some((t) => /frustrated/.test(t.properties.content ?? '')))).toBe(
      true,
    )
    expect(healthy.some(({ index }) => tickets(index).some((t) => /cancel/.test(t.properties.subject ?? '')))).toBe(
      true,
    )
    for (const ticket of data.tickets) {
      if (ticket.properties.hs_pipeline_stage === '4')
        expect(Number(ticket.properties.time_to_close)).toBe(
          Date.parse(ticket.properties.closed_date ?? '') - ticket.createdAt,
        )
      else expect(ticket.properties.closed_date).toBeUndefined()
    }
  })

  it('generates 5,000 companies / 100,000 tickets in under 3 s', () => {
    const sim = crmSimulator()
    const started = performance.now()
    const created = sim.control.createPortal({ companies: 5000, tickets: 100_000 })
    expect(performance.now() - started).toBeLessThan(3000)
    expect(created.counts).toMatchObject({ companies: 5000, tickets: 100_000 })
  })
})

describe('portals and ground truth', () => {
  it('seeds northwind ≈300/1,000/5,000, globex 120, initech 40', () => {
    const sim = crmSimulator()
    const northwind = sim.control.crmStats(2000001)
    expect(northwind).toMatchObject({ companies: 300, tickets: 5000 })
    expect(northwind?.contacts).toBeGreaterThan(900)
    expect(northwind?.contacts).toBeLessThan(1200)
    expect(sim.control.crmStats(2000002)).toMatchObject({ companies: 120, tickets: 2000 })
    expect(sim.control.crmStats(2000003)).toMatchObject({ companies: 40, tickets: 700 })
  })

  it('serves ground truth by company id, identical for the same seed and clock', async () => {
    const sim = crmSimulator()
    const truth = await control(sim, 'GET', '/portals/2000001/ground-truth')
    expect(truth.status).toBe(200)
    const entries = truth.body as unknown as { companyId: string; churning: boolean; patterns: string[] }[]
    expect(entries).toHaveLength(300)
    expect(entries[0]).toEqual({ companyId: '10000000001', churning: expect.any(Boolean), patterns: expect.any(Array) })
    expect(entries.filter((entry) => entry.churning)).toHaveLength(36)
    expect(crmSimulator().control.groundTruth(2000001)).toEqual(entries)
    expect((await control(sim, 'GET', '/portals/9/ground-truth')).status).toBe(404)
  })

  it('creates portals over HTTP with their own token and data; reset removes them', async () => {
    const sim = crmSimulator()
    const created = await control(sim, 'POST', '/portals', {
      companies: 20,
      tickets: 300,
      churnShare: 0.25,
      seed: 'bench',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      portalId: 2000004,
      hubDomain: 'portal-2000004-demo.com',
      privateAppToken: expect.stringMatching(/^pat-na1-/),
      counts: { companies: 20, tickets: 300 },
    })
    expect(sim.control.groundTruth(2000004)?.filter((entry) => entry.churning)).toHaveLength(5)
    expect((await control(sim, 'POST', '/portals', { companies: 0, tickets: 1 })).status).toBe(400)
    sim.control.reset()
    expect(sim.portals.map((portal) => portal.portalId)).toEqual([2000001, 2000002, 2000003])
    expect(sim.control.crmStats(2000004)).toBeUndefined()
  })
})
