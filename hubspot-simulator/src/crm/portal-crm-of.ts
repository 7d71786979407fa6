import { generatePortalData } from '../data/generate-portal-data'
import { loadPortalData } from '../data/load-portal-data'
import type { SimState } from '../state/sim-state'
import type { PortalCrm } from './portal-crm'
import { createPortalCrm } from './portal-crm'
import { assignCompanyOwners } from './owners/assign-company-owners'
import { ownersOf } from './owners/owners-of'

/**
 * The portal's CRM, generated on first use from the plan fixed when the portal was seeded (seed and clock
 * reading included), so the data doesn't depend on when it is first read. Most simulators in tests never
 * touch the CRM and pay nothing for it. Portals without a plan start empty.
 */
export function portalCrmOf(state: SimState, portalId: number): PortalCrm {
  const existing = state.crm.get(portalId)
  if (existing) return existing
  const portal = createPortalCrm(portalId)
  const plan = state.crmPlans.get(portalId)
  const simPortal = state.portals.find((candidate) => candidate.portalId === portalId)
  if (simPortal) portal.owners = ownersOf(portalId, simPortal.users[0], simPortal.hubDomain)
  if (plan) {
    loadPortalData(portal, generatePortalData(plan), simPortal?.users[0]?.userId)
    assignCompanyOwners(portal)
  }
  state.crm.set(portalId, portal)
  return portal
}
