import type { Context } from 'hono'
import { hubspotError } from '../../http/hubspot-error'
import type { SimEnv } from '../../http/sim-env'
import type { CrmObjectType } from '../change-feed'
import type { CrmRecord } from '../crm-record'
import { readProperty } from '../crm-record'
import { notFoundError } from '../crm-write-error'
import { findRecord } from '../object-store'
import { parseObjectType } from '../object-types'
import type { PortalCrm } from '../portal-crm'
import type { CrmRouteContext } from './crm-route'
import { validationError } from './parse-api-body'
import { queryFlag, queryList } from './read-query'
import { selectHistoryProperties, selectProperties } from './select-properties'
import { toApiObject } from './to-api-object'

/** GET /crm/v3/objects/{type}/{id}: merged-away ids answer with the surviving record; `idProperty` looks up by value. */
export function getObject(c: Context<SimEnv>, [objectType]: CrmObjectType[], { portal }: CrmRouteContext): Response {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  const id = c.req.param('objectId') ?? ''
  const record = lookupRecord(portal, objectType, id, c.req.query('idProperty'), queryFlag(c, 'archived'))
  if (!record) return hubspotError(c, 404, { ...notFoundError(id) })
  const properties = selectProperties(portal, objectType, queryList(c, 'properties'))
  const associations = (queryList(c, 'associations') ?? []).map(parseObjectType).filter((type) => type !== undefined)
  const withHistory = selectHistoryProperties(portal, objectType, queryList(c, 'propertiesWithHistory'))
  return c.json(toApiObject(portal, record, properties, associations, withHistory))
}

/** By id, or by a unique-ish property value (e.g. contacts by email, companies by domain). */
export function lookupRecord(
  portal: PortalCrm,
  objectType: CrmObjectType,
  id: string,
  idProperty: string | undefined,
  archived: boolean,
): CrmRecord | undefined {
  const store = portal.objects[objectType]
  if (!idProperty || idProperty === 'hs_object_id') return findRecord(store, id, archived)
  const records = archived ? store.archived : store.active
  const wanted = id.toLowerCase()
  return records.find((record) => readProperty(record, idProperty)?.toLowerCase() === wanted)
}
