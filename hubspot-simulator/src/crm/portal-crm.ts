import type { AssociationStore } from './association-store'
import { createAssociationStore } from './association-store'
import type { GroundTruth } from '../data/ground-truth'
import type { CrmObjectType } from './change-feed'
import type { DealPipeline } from './deal-pipeline'
import { dealPipelinesOf } from './deal-pipelines-of'
import type { ObjectStore } from './object-store'
import type { SimOwner } from './owners/sim-owner'
import { createObjectStore } from './object-store'
import type { PropertyDefinition } from './property-definitions'
import { builtInProperties } from './property-definitions'

/** One portal's CRM: records per type, associations, property definitions (built-in + custom) and ground truth. */
export interface PortalCrm {
  portalId: number
  objects: Record<CrmObjectType, ObjectStore>
  associations: AssociationStore
  properties: Record<CrmObjectType, Map<string, PropertyDefinition>>
  dealPipelines: DealPipeline[]
  /** The portal's owners (users records can be assigned to), archived ones included. */
  owners: SimOwner[]
  /** What really happened to its companies; null for portals without generated data. */
  groundTruth: GroundTruth | null
}

export function createPortalCrm(portalId: number): PortalCrm {
  const dealPipelines = dealPipelinesOf(portalId)
  return {
    portalId,
    objects: {
      tickets: createObjectStore('tickets'),
      companies: createObjectStore('companies'),
      contacts: createObjectStore('contacts'),
      deals: createObjectStore('deals'),
      tasks: createObjectStore('tasks'),
    },
    associations: createAssociationStore(),
    properties: {
      tickets: builtInProperties('tickets', dealPipelines),
      companies: builtInProperties('companies', dealPipelines),
      contacts: builtInProperties('contacts', dealPipelines),
      deals: builtInProperties('deals', dealPipelines),
      tasks: builtInProperties('tasks', dealPipelines),
    },
    dealPipelines,
    owners: [],
    groundTruth: null,
  }
}

/** A portal added without generated data (e.g. pushed by a test) gets an empty CRM on first use. */
export function crmOfPortal(crm: Map<number, PortalCrm>, portalId: number): PortalCrm {
  let portal = crm.get(portalId)
  if (!portal) {
    portal = createPortalCrm(portalId)
    crm.set(portalId, portal)
  }
  return portal
}
