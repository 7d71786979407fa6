import { describe, expect, it } from 'vitest'
import { api, crmSimulator, privateToken } from './crm-helpers'

interface OwnerBody {
  id: string
  email: string
  archived: boolean
  userId?: number
}

/** The owners of a list answer, typed. */
const ownersIn = (body: { results?: unknown }): OwnerBody[] => (body.results ?? []) as OwnerBody[]

function ownerReader() {
  const sim = crmSimulator()
  sim.portals.find((candidate) => candidate.portalId === 2000001)?.privateAppScopes.push('crm.objects.owners.read')
  return { sim, token: privateToken(sim) }
}

describe('owners', () => {
  it('need crm.objects.owners.read (or the legacy automation scope)', async () => {
    const sim = crmSimulator()
    const denied = await api(sim, privateToken(sim), 'GET', '/crm/v3/owners')
    expect(denied.status).toBe(403)
    expect(denied.body).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredScopes: ['crm.objects.owners.read', 'automation'] } }],
    })
    sim.portals.find((candidate) => candidate.portalId === 2000001)?.privateAppScopes.push('automation')
    expect((await api(sim, privateToken(sim), 'GET', '/crm/v3/owners')).status).toBe(200)
  })

  it('lists active owners by default, deactivated ones with archived=true, one by email', async () => {
    const { sim, token } = ownerReader()
    const active = ownersIn((await api(sim, token, 'GET', '/crm/v3/owners')).body)
    expect(active.map((owner) => owner.email)).toEqual([
      'ada@northwind-demo.com',
      'maya@northwind-demo.com',
      'jonas@northwind-demo.com',
      'priya@northwind-demo.com',
    ])
    expect(active.every((owner) => !owner.archived && typeof owner.userId === 'number')).toBe(true)
    const archived = ownersIn((await api(sim, token, 'GET', '/crm/v3/owners?archived=true')).body)
    expect(archived.map((owner) => [owner.email, owner.archived, owner.userId])).toEqual([
      ['leo@northwind-demo.com', true, undefined],
    ])
    const byEmail = ownersIn((await api(sim, token, 'GET', '/crm/v3/owners?email=MAYA@northwind-demo.com')).body)
    expect(byEmail.map((owner) => owner.email)).toEqual(['maya@northwind-demo.com'])
  })

  it('pages by cursor and refuses a limit past 500', async () => {
    const { sim, token } = ownerReader()
    const seen: string[] = []
    let path = '/crm/v3/owners?limit=3'
    for (;;) {
      const page = await api(sim, token, 'GET', path)
      seen.push(...ownersIn(page.body).map((owner) => owner.id))
      const after = (page.body.paging as { next?: { after: string } } | undefined)?.next?.after
      if (!after) break
      path = `/crm/v3/owners?limit=3&after=${after}`
    }
    expect(seen).toHaveLength(4)
    expect(new Set(seen).size).toBe(4)
    expect((await api(sim, token, 'GET', '/crm/v3/owners?limit=501')).status).toBe(400)
  })

  it('owns seeded companies through hubspot_owner_id, every fifth company unowned; 404 for an unknown owner', async () => {
    const { sim, token } = ownerReader()
    const owners = new Set(ownersIn((await api(sim, token, 'GET', '/crm/v3/owners')).body).map((o) => o.id))
    const companies = await api(sim, token, 'GET', '/crm/v3/objects/companies?limit=10&properties=hubspot_owner_id')
    const ownerIds = (companies.body.results as { properties: { hubspot_owner_id?: string | null } }[]).map(
      (company) => company.properties.hubspot_owner_id ?? null,
    )
    expect(ownerIds.filter((id) => id === null)).toHaveLength(2)
    expect(ownerIds.filter((id) => id !== null).every((id) => owners.has(id))).toBe(true)
    expect((await api(sim, token, 'GET', '/crm/v3/owners/1')).status).toBe(404)
  })
})
