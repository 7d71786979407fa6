import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'
import { archiveRecord } from '../archive-record'
import type { CrmObjectType } from '../change-feed'
import type { CrmRouteContext } from './crm-route'
import { validationError } from './parse-api-body'

/** DELETE /crm/v3/objects/{type}/{id} archives; HubSpot answers 204 even for ids it doesn't have. */
export function archiveObject(c: Context<SimEnv>, [objectType]: CrmObjectType[], ctx: CrmRouteContext): Response {
  if (!objectType) return validationError(c, 'Unable to infer object type')
  archiveRecord(ctx.write(), objectType, c.req.param('objectId') ?? '')
  return c.body(null, 204)
}
