import { BlockList, isIP } from 'node:net'

// The same rule as the backend's (backend/src/http/client-address.ts); the two packages share no server code.

/** The proxies in front of this server whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated. */
export function trustedProxyList(entries: string): BlockList {
  const list = new BlockList()
  for (const entry of entries
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = '', prefix] = entry.split('/')
    const version = isIP(address)
    if (version === 0) throw new Error(`NUXT_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`)
    const type = version === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, Number(prefix), type)
  }
  return list
}

// A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d.
const unmapped = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address)

const isTrusted = (trusted: BlockList, address: string) => {
  const version = isIP(address)
  return version !== 0 && trusted.check(address, version === 6 ? 'ipv6' : 'ipv4')
}

/**
 * The client behind any trusted proxies: from the socket's peer, each trusted hop hands over to the
 * address it forwarded (X-Forwarded-For read right to left); the first untrusted one is the client.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0)
  let client = unmapped(peer)
  while (isTrusted(trusted, client) && hops.length > 0) {
    const next = hops.pop() ?? ''
    if (isIP(next) === 0) break
    client = unmapped(next)
  }
  return client
}
