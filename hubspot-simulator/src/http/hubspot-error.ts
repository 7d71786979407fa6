import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { SimEnv } from './sim-env'

export interface HubSpotErrorFields {
  message: string
  category?: string
  errors?: { message: string; context?: Record<string, string[]> }[]
  context?: Record<string, string[]>
  links?: Record<string, string>
  [extra: string]: unknown
}

/** HubSpot's general error envelope: `{status:"error", message, correlationId, category, …}`. */
export function hubspotError(
  c: Context<SimEnv>,
  httpStatus: ContentfulStatusCode,
  fields: HubSpotErrorFields,
  headers?: Record<string, string>,
): Response {
  const { message, ...rest } = fields
  return c.json({ status: 'error', message, correlationId: c.get('correlationId'), ...rest }, httpStatus, headers)
}
