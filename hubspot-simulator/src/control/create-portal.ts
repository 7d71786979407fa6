import { portalCrmOf } from '../crm/portal-crm-of'
import type { SimPortal } from '../state/portals'
import { defaultPrivateAppScopes } from '../state/portals'
import type { SimState } from '../state/sim-state'
import type { CreatePortalInput } from './crm-schemas'

export interface CreatedPortal extends SimPortal {
  counts: { companies: number; contacts: number; tickets: number; deals: number }
}

/**
 * A new portal (next portalId, its own hubDomain and private-app token) with generated CRM data, built now so
 * the caller pays generation once up front (5,000 companies / 100,000 tickets take about 2 s).
 */
export function createPortal(state: SimState, simSeed: string, input: CreatePortalInput): CreatedPortal {
  const portalId = state.nextPortalId++
  const hubDomain = input.hubDomain ?? `portal-${portalId}-demo.com`
  const portal: SimPortal = {
    portalId,
    hubDomain,
    privateAppToken: `pat-na1-${state.random.uuid('private-app-token')}`,
    privateAppScopes: [...(input.privateAppScopes ?? defaultPrivateAppScopes)],
    users: [
      { userId: state.random.fixedInt(`portal:${portalId}:user`, 10_000_000, 99_999_999), email: `admin@${hubDomain}` },
    ],
  }
  state.portals.push(portal)
  state.crmPlans.set(portalId, {
    seed: input.seed ?? `${simSeed}:portal:${portalId}`,
    now: state.clock.now(),
    companies: input.companies,
    tickets: input.tickets,
    ...(input.contactsPerCompany === undefined ? {} : { contactsPerCompany: input.contactsPerCompany }),
    portalId,
    ...(input.annualChurnRate === undefined ? {} : { annualChurnRate: input.annualChurnRate }),
  })
  const crm = portalCrmOf(state, portalId)
  return {
    ...portal,
    counts: {
      companies: crm.objects.companies.active.length,
      contacts: crm.objects.contacts.active.length,
      tickets: crm.objects.tickets.active.length,
      deals: crm.objects.deals.active.length,
    },
  }
}
