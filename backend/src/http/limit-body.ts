import { bodyLimitFor } from '@churnlens/contracts'
import { createMiddleware } from 'hono/factory'
import { bodyLimit } from 'hono/body-limit'
import { apiError } from './api-error'

/**
 * Refuses a body over the limit while it streams, before any parsing, session or throttling work:
 * a declared Content-Length is checked up front, a chunked body is counted as it arrives and
 * dropped at the limit (Hono's bodyLimit), so an oversized request never sits whole in memory.
 */
export function limitBody() {
  const onError = (c: Parameters<typeof apiError>[0]) => apiError(c, 'payload_too_large')
  const limits = new Map<number, ReturnType<typeof bodyLimit>>()
  const limitOf = (bytes: number) => {
    let limit = limits.get(bytes)
    if (!limit) limits.set(bytes, (limit = bodyLimit({ maxSize: bytes, onError })))
    return limit
  }
  return createMiddleware((c, next) => limitOf(bodyLimitFor(c.req.path))(c, next))
}
