import { BlockList, isIP } from 'node:net'

/**
 * Who is calling, behind any proxies we trust: one rule for the backend and for the frontend's proxy (server
 * code only — `node:net` — so it has its own entry point, `@churnlens/contracts/client-address`, kept out of the
 * browser bundle).
 */

/** The proxies whose X-Forwarded-For we believe: addresses or CIDR ranges, IPv4 or IPv6. Throws on a malformed entry. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/')
    const version = isIP(address)
    if (version === 0) throw new Error(`"${entry}" is not an address or CIDR range`)
    const type = version === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  return list
}

/** A comma-separated setting (`10.0.0.0/8, ::1`) as list entries. */
export const splitProxyList = (text: string): string[] =>
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)

// A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d.
const unmapped = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address)

const isTrusted = (trusted: BlockList, address: string) => {
  const version = isIP(address)
  return version !== 0 && trusted.check(address, version === 6 ? 'ipv6' : 'ipv4')
}

/**
 * The address of whoever opened the chain of proxies: starting from the socket's peer, each hop
 * that is a trusted proxy hands over to the address it says it was called from (X-Forwarded-For,
 * read right to left), and the first untrusted hop is the client. A client can prepend anything to
 * the header, so only what our own proxies appended is believed.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0)
  let client = unmapped(peer)
  while (isTrusted(trusted, client) && hops.length > 0) {
    const next = hops.pop() ?? ''
    // A hop that is not an address was not written by a proxy of ours: stop at the last one we trust.
    if (isIP(next) === 0) break
    client = unmapped(next)
  }
  return client
}
