import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { BlockList } from 'node:net'
import { resolveClientAddress } from '@churnlens/contracts/client-address'

/** The caller's address for throttling. In-process requests (tests) without a socket answer 'local'. */
export function clientAddress(c: Context, trusted: BlockList): string {
  let peer: string | undefined
  try {
    peer = getConnInfo(c).remote.address
  } catch {
    return 'local'
  }
  return resolveClientAddress(peer ?? 'unknown', c.req.header('x-forwarded-for'), trusted)
}
