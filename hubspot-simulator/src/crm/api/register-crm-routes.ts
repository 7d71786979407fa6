import type { Context, Hono } from 'hono'
import { bearerAuth } from '../../api/bearer-auth'
import { hasScopes, missingScopes } from '../../api/require-scopes'
import type { SimEnv } from '../../http/sim-env'
import { rateLimit } from '../../rate-limits/rate-limit'
import type { SimState } from '../../state/sim-state'
import type { CrmObjectType } from '../change-feed'
import type { PortalCrm } from '../portal-crm'
import { portalCrmOf } from '../portal-crm-of'
import { archiveObject } from './archive-object'
import { batchReadAssociationsV4 } from './batch-read-associations-v4'
import { batchReadObjects } from './batch-read-objects'
import { batchUpdateObjects } from './batch-update-objects'
import { createObject } from './create-object'
import type { TypeRequirement } from './crm-route'
import { crmRoute } from './crm-route'
import { getObject } from './get-object'
import { listAssociationsV4 } from './list-associations-v4'
import { listObjects } from './list-objects'
import { dealPipelineScopes, objectScopes, schemaScopes } from './object-scopes'
import { getDealPipeline, getTicketPipeline, listDealPipelines, listTicketPipelines } from './pipelines'
import { createProperty, getProperty, listProperties } from './properties'
import { searchObjects } from './search-objects'
import { updateObject } from './update-object'
import { registerOwnerRoutes } from '../owners/owner-routes'
import { deleteAssociation, putDefaultAssociation, putLabelledAssociation } from './write-associations-v4'

const reads = (param: string): TypeRequirement => ({ param, scopes: (type: CrmObjectType) => objectScopes[type].read })
const writes = (param: string): TypeRequirement => ({
  param,
  scopes: (type: CrmObjectType) => objectScopes[type].write,
})

/** Objects live at v3 paths and their date-versioned twins. */
const objectPrefixes = ['/crm/v3/objects', '/crm/objects/2026-03']

/** The CRM half of api.hubapi.com: every route behind bearer auth and HubSpot's rate limits. */
export function registerCrmRoutes(app: Hono<SimEnv>, state: SimState): void {
  app.use('/crm/*', bearerAuth(state), rateLimit(state))
  const route = crmRoute.bind(null, state)

  for (const prefix of objectPrefixes) {
    const one = `${prefix}/:objectType/:objectId`
    app.get(`${prefix}/:objectType`, route([reads('objectType')], listObjects))
    app.post(`${prefix}/:objectType/search`, route([reads('objectType')], searchObjects))
    app.post(`${prefix}/:objectType/batch/read`, route([reads('objectType')], batchReadObjects))
    app.post(`${prefix}/:objectType/batch/update`, route([writes('objectType')], batchUpdateObjects))
    app.post(`${prefix}/:objectType`, route([writes('objectType')], createObject))
    app.get(one, route([reads('objectType')], getObject))
    app.patch(one, route([writes('objectType')], updateObject))
    app.delete(one, route([writes('objectType')], archiveObject))
  }

  const v4 = '/crm/v4/objects/:objectType/:objectId/associations'
  app.get(`${v4}/:toObjectType`, route([reads('objectType'), reads('toObjectType')], listAssociationsV4))
  app.put(
    `${v4}/default/:toObjectType/:toObjectId`,
    route([writes('objectType'), writes('toObjectType')], putDefaultAssociation),
  )
  app.put(
    `${v4}/:toObjectType/:toObjectId`,
    route([writes('objectType'), writes('toObjectType')], putLabelledAssociation),
  )
  app.delete(
    `${v4}/:toObjectType/:toObjectId`,
    route([writes('objectType'), writes('toObjectType')], deleteAssociation),
  )
  app.post(
    '/crm/v4/associations/:objectType/:toObjectType/batch/read',
    route([reads('objectType'), reads('toObjectType')], batchReadAssociationsV4),
  )

  const ticketsScope = ['tickets']
  app.get('/crm/v3/pipelines/tickets', (c) =>
    hasScopes(c.get('auth').scopes, ticketsScope) ? listTicketPipelines(c) : missingScopes(c, ticketsScope),
  )
  app.get('/crm/v3/pipelines/tickets/:pipelineId', (c) =>
    hasScopes(c.get('auth').scopes, ticketsScope) ? getTicketPipeline(c) : missingScopes(c, ticketsScope),
  )
  const dealPipelines =
    (handler: (c: Context<SimEnv>, portal: PortalCrm) => Response) =>
    (c: Context<SimEnv>): Response => {
      const auth = c.get('auth')
      if (!hasScopes(auth.scopes, dealPipelineScopes, 'any')) return missingScopes(c, dealPipelineScopes)
      return handler(c, portalCrmOf(state, auth.portalId))
    }
  app.get('/crm/v3/pipelines/deals', dealPipelines(listDealPipelines))
  app.get('/crm/v3/pipelines/deals/:pipelineId', dealPipelines(getDealPipeline))

  const schemaRead: TypeRequirement = { param: 'objectType', scopes: (type) => schemaScopes[type].read, mode: 'any' }
  const schemaWrite: TypeRequirement = { param: 'objectType', scopes: (type) => schemaScopes[type].write }
  app.get('/crm/v3/properties/:objectType', route([schemaRead], listProperties))
  app.get('/crm/v3/properties/:objectType/:propertyName', route([schemaRead], getProperty))
  app.post('/crm/v3/properties/:objectType', route([schemaWrite], createProperty))

  registerOwnerRoutes(app, state)
}
