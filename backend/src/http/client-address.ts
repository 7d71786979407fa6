import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/** The caller's address for throttling: the proxy's X-Forwarded-For only when we sit behind our own proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // In-process requests (tests) have no socket.
    return 'local'
  }
}
