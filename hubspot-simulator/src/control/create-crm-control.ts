import { archiveRecord, restoreRecord } from '../crm/archive-record'
import { associationsOf } from '../crm/association-store'
import type { CrmObjectType } from '../crm/change-feed'
import type { ApiObject } from '../crm/api/to-api-object'
import { allPropertyNames, toApiObject } from '../crm/api/to-api-object'
import type { CreateRecordInput } from '../crm/create-record'
import { createRecord } from '../crm/create-record'
import type { CrmRecord } from '../crm/crm-record'
import type { CrmWriteContext } from '../crm/crm-write-context'
import type { CrmWriteError } from '../crm/crm-write-error'
import { mergeRecords } from '../crm/merge-records'
import type { PropertyInputValue } from '../crm/normalize-property-values'
import type { PortalCrm } from '../crm/portal-crm'
import type { GroundTruth } from '../data/ground-truth'
import { portalCrmOf } from '../crm/portal-crm-of'
import type { AssociationInput } from '../crm/set-association'
import { setAssociation } from '../crm/set-association'
import { updateRecord } from '../crm/update-record'
import { horizonDays } from '../data/time-grid'
import type { Result } from '../result'
import { err, ok } from '../result'
import type { SimState } from '../state/sim-state'
import type { CreatedPortal } from './create-portal'
import { createPortal } from './create-portal'
import type { CreatePortalInput } from './crm-schemas'

export type CrmControlResult<T> = Result<T, CrmWriteError>

export interface CrmStats {
  companies: number
  contacts: number
  tickets: number
  deals: number
  archived: { companies: number; contacts: number; tickets: number; deals: number }
}

/**
 * CRM test hooks. Writes behave like a user in HubSpot's UI: same validation as the API (except a ticket's stage
 * defaults to "1"), and every change publishes to the change feed with changeSource "CRM_UI".
 */
export interface CrmControl {
  createPortal(input: CreatePortalInput): CreatedPortal
  /**
   * What really happened to each company (`{asOf, horizonDays, companies:[{companyId, customerSince, churnedAt,
   * churnsWithinHorizon, churnAt, cause}]}` by company id); for tests and benchmarks only. Undefined for an
   * unknown portal; no companies for a portal without generated data.
   */
  groundTruth(portalId: number): GroundTruth | undefined
  crmStats(portalId: number): CrmStats | undefined
  createRecord(portalId: number, objectType: CrmObjectType, input: CreateRecordInput): CrmControlResult<ApiObject>
  updateRecord(
    portalId: number,
    objectType: CrmObjectType,
    id: string,
    properties: Record<string, PropertyInputValue>,
  ): CrmControlResult<ApiObject>
  archiveRecord(portalId: number, objectType: CrmObjectType, id: string): CrmControlResult<ApiObject>
  restoreRecord(portalId: number, objectType: CrmObjectType, id: string): CrmControlResult<ApiObject>
  mergeRecords(
    portalId: number,
    objectType: CrmObjectType,
    primaryId: string,
    mergedId: string,
  ): CrmControlResult<ApiObject>
  setAssociation(portalId: number, input: AssociationInput): CrmControlResult<{ changed: boolean }>
  /** Every task created in the portal, oldest first, with the companies it is associated with; undefined for an unknown portal. */
  tasks(portalId: number): SimTask[] | undefined
}

export type SimTask = ApiObject & { companyIds: string[] }

export function createCrmControl(state: SimState, simSeed: string): CrmControl {
  const portalOf = (portalId: number): PortalCrm | undefined =>
    state.portals.some((p) => p.portalId === portalId) ? portalCrmOf(state, portalId) : undefined
  const withPortal = <T>(
    portalId: number,
    write: (ctx: CrmWriteContext) => CrmControlResult<T>,
  ): CrmControlResult<T> => {
    const portal = portalOf(portalId)
    if (!portal) return err({ category: 'OBJECT_NOT_FOUND', message: `No portal ${portalId}` })
    const userId = state.portals.find((candidate) => candidate.portalId === portalId)?.users[0]?.userId
    return write({
      portal,
      now: state.clock.now(),
      changes: state.changes,
      changeSource: 'CRM_UI',
      ...(userId === undefined ? {} : { userId }),
    })
  }
  const view = (ctx: CrmWriteContext, result: Result<CrmRecord, CrmWriteError>): CrmControlResult<ApiObject> =>
    result.ok ? ok(toApiObject(ctx.portal, result.value, allPropertyNames(result.value))) : result

  return {
    createPortal: (input) => createPortal(state, simSeed, input),
    groundTruth: (portalId) => {
      const portal = portalOf(portalId)
      if (!portal) return undefined
      const truth = portal.groundTruth ?? {
        asOf: new Date(state.clock.now()).toISOString(),
        horizonDays,
        companies: [],
      }
      return { ...truth, companies: truth.companies.map((entry) => ({ ...entry })) }
    },
    crmStats: (portalId) => {
      const portal = portalOf(portalId)
      if (!portal) return undefined
      const { companies, contacts, tickets, deals } = portal.objects
      return {
        companies: companies.active.length,
        contacts: contacts.active.length,
        tickets: tickets.active.length,
        deals: deals.active.length,
        archived: {
          companies: companies.archived.length,
          contacts: contacts.archived.length,
          tickets: tickets.archived.length,
          deals: deals.archived.length,
        },
      }
    },
    createRecord: (portalId, objectType, input) =>
      withPortal(portalId, (ctx) => view(ctx, createRecord(ctx, objectType, input, true))),
    updateRecord: (portalId, objectType, id, properties) =>
      withPortal(portalId, (ctx) => view(ctx, updateRecord(ctx, objectType, id, properties))),
    archiveRecord: (portalId, objectType, id) =>
      withPortal(portalId, (ctx) => view(ctx, archiveRecord(ctx, objectType, id))),
    restoreRecord: (portalId, objectType, id) =>
      withPortal(portalId, (ctx) => view(ctx, restoreRecord(ctx, objectType, id))),
    mergeRecords: (portalId, objectType, primaryId, mergedId) =>
      withPortal(portalId, (ctx) => view(ctx, mergeRecords(ctx, objectType, primaryId, mergedId))),
    setAssociation: (portalId, input) => withPortal(portalId, (ctx) => setAssociation(ctx, input)),
    tasks: (portalId) => {
      const portal = portalOf(portalId)
      if (!portal) return undefined
      return portal.objects.tasks.active.map((record) => ({
        ...toApiObject(portal, record, allPropertyNames(record)),
        companyIds: [...associationsOf(portal.associations, 'tasks', record.id, 'companies').keys()],
      }))
    },
  }
}
