import { createMiddleware } from 'hono/factory'
import { bodyLimit } from 'hono/body-limit'
import { apiError } from './api-error'

/** Every JSON body the API reads is a small form; the largest (a weights table) is a few hundred bytes. */
export const JSON_BODY_LIMIT_BYTES = 32 * 1024
/**
 * HubSpot sends at most 100 events per webhook request; a property change carries the new value,
 * which for a long text property can run to a few kilobytes, so 1 MiB leaves room without inviting a flood.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024
export const WEBHOOK_PATH = '/api/v1/webhooks/hubspot'

/**
 * Refuses a body over the limit while it streams, before any parsing, session or throttling work:
 * a declared Content-Length is checked up front, a chunked body is counted as it arrives and
 * dropped at the limit (Hono's bodyLimit), so an oversized request never sits whole in memory.
 */
export function limitBody() {
  const onError = (c: Parameters<typeof apiError>[0]) => apiError(c, 'payload_too_large')
  const json = bodyLimit({ maxSize: JSON_BODY_LIMIT_BYTES, onError })
  const webhook = bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT_BYTES, onError })
  return createMiddleware((c, next) => (c.req.path === WEBHOOK_PATH ? webhook(c, next) : json(c, next)))
}
