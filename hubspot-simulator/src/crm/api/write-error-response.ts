import type { Context } from 'hono'
import { hubspotError } from '../../http/hubspot-error'
import type { SimEnv } from '../../http/sim-env'
import type { CrmWriteError } from '../crm-write-error'

/** The one mapping from write failures to HubSpot responses: not found → 404, anything else → 400. */
export function writeErrorResponse(c: Context<SimEnv>, error: CrmWriteError): Response {
  const fields = {
    message: error.message,
    category: error.category,
    ...(error.context ? { context: error.context } : {}),
  }
  return hubspotError(c, error.category === 'OBJECT_NOT_FOUND' ? 404 : 400, fields)
}
