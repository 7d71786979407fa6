import { generatePortalData } from '../data/generate-portal-data'
import { loadPortalData } from '../data/load-portal-data'
import type { SimState } from '../state/sim-state'
import type { PortalCrm } from './portal-crm'
import { createPortalCrm } from './portal-crm'

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
  if (plan)
    loadPortalData(
      portal,
      generatePortalData(plan),
      state.portals.find((candidate) => candidate.portalId === portalId)?.users[0]?.userId,
    )
  state.crm.set(portalId, portal)
  return portal
}
