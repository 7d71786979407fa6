import type { Context, Hono } from 'hono'
import type { CrmObjectType } from '../crm/change-feed'
import type { CrmWriteError } from '../crm/crm-write-error'
import { parseObjectType } from '../crm/object-types'
import { hubspotError } from '../http/hubspot-error'
import type { SimEnv } from '../http/sim-env'
import { controlPrefix } from '../request-log'
import type { Result } from '../result'
import type { SimulatorControl } from './create-control'
import {
  associationSchema,
  createPortalSchema,
  createRecordSchema,
  mergeRecordsSchema,
  updateRecordSchema,
} from './crm-schemas'
import { parseJson } from './parse-json'
import { portalIdParamSchema } from './schemas'

/** /_simulator/portals… CRM routes: data generation, ground truth and UI-style writes (they publish to the change feed). */
export function registerCrmControlRoutes(app: Hono<SimEnv>, control: SimulatorControl): void {
  const portals = `${controlPrefix}/portals`
  const records = `${portals}/:portalId/records/:objectType`

  app.post(portals, async (c) => {
    const body = await parseJson(c, createPortalSchema)
    if (!body.ok) return body.error
    return c.json(control.createPortal(body.value), 201)
  })

  app.get(`${portals}/:portalId/ground-truth`, (c) => {
    const truth = control.groundTruth(portalIdOf(c))
    return truth ? c.json(truth) : noPortal(c)
  })

  app.get(`${portals}/:portalId/stats`, (c) => {
    const stats = control.crmStats(portalIdOf(c))
    return stats ? c.json(stats) : noPortal(c)
  })

  app.post(records, async (c) => {
    const type = objectTypeOf(c)
    if (!type) return badType(c)
    const body = await parseJson(c, createRecordSchema)
    if (!body.ok) return body.error
    return answer(c, control.createRecord(portalIdOf(c), type, body.value), 201)
  })

  app.post(`${records}/merge`, async (c) => {
    const type = objectTypeOf(c)
    if (!type) return badType(c)
    const body = await parseJson(c, mergeRecordsSchema)
    if (!body.ok) return body.error
    return answer(c, control.mergeRecords(portalIdOf(c), type, body.value.primaryId, body.value.mergedId))
  })

  app.patch(`${records}/:objectId`, async (c) => {
    const type = objectTypeOf(c)
    if (!type) return badType(c)
    const body = await parseJson(c, updateRecordSchema)
    if (!body.ok) return body.error
    return answer(c, control.updateRecord(portalIdOf(c), type, c.req.param('objectId'), body.value.properties))
  })

  app.delete(`${records}/:objectId`, (c) => {
    const type = objectTypeOf(c)
    if (!type) return badType(c)
    return answer(c, control.archiveRecord(portalIdOf(c), type, c.req.param('objectId')))
  })

  app.post(`${records}/:objectId/restore`, (c) => {
    const type = objectTypeOf(c)
    if (!type) return badType(c)
    return answer(c, control.restoreRecord(portalIdOf(c), type, c.req.param('objectId')))
  })

  // The tasks apps created through the API, so a test can see what reached the portal's owners.
  app.get(`${portals}/:portalId/tasks`, (c) => {
    const tasks = control.tasks(portalIdOf(c))
    return tasks ? c.json({ results: tasks }) : noPortal(c)
  })

  app.post(`${portals}/:portalId/associations`, async (c) => {
    const body = await parseJson(c, associationSchema)
    if (!body.ok) return body.error
    return answer(c, control.setAssociation(portalIdOf(c), body.value))
  })
}

/** 0 never names a portal, so a malformed id falls through to "no portal". */
function portalIdOf(c: Context<SimEnv>): number {
  const parsed = portalIdParamSchema.safeParse(c.req.param('portalId'))
  return parsed.success ? parsed.data : 0
}

function objectTypeOf(c: Context<SimEnv>): CrmObjectType | undefined {
  return parseObjectType(c.req.param('objectType'))
}

function answer<T>(c: Context<SimEnv>, result: Result<T, CrmWriteError>, status: 200 | 201 = 200): Response {
  if (result.ok) return c.json(result.value as object, status)
  return hubspotError(c, result.error.category === 'OBJECT_NOT_FOUND' ? 404 : 400, {
    message: result.error.message,
    category: result.error.category,
    ...(result.error.context ? { context: result.error.context } : {}),
  })
}

function noPortal(c: Context<SimEnv>): Response {
  return hubspotError(c, 404, { message: 'No such portal', category: 'OBJECT_NOT_FOUND' })
}

function badType(c: Context<SimEnv>): Response {
  return hubspotError(c, 400, {
    message: 'objectType must be tickets, companies, contacts, deals or tasks',
    category: 'VALIDATION_ERROR',
  })
}
