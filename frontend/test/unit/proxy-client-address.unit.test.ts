import { describe, expect, it } from 'vitest'
import { resolveClientAddress, trustedProxyList } from '../../server/utils/client-address'

describe("the proxy's client address", () => {
  const trusted = trustedProxyList('10.0.0.0/8, ::1')
  it.each([
    ['an untrusted peer, whatever it forwards', '198.51.100.9', '203.0.113.1', '198.51.100.9'],
    ['a trusted load balancer forwarding the client', '10.0.0.5', '203.0.113.1', '203.0.113.1'],
    ['a dual-stack peer', '::ffff:10.0.0.5', '203.0.113.1', '203.0.113.1'],
    ['a client prepending a forged hop', '10.0.0.5', '1.1.1.1, 203.0.113.1', '203.0.113.1'],
    ['no header', '10.0.0.5', undefined, '10.0.0.5'],
  ])('%s', (_, peer, forwarded, client) => {
    expect(resolveClientAddress(peer, forwarded, trusted)).toBe(client)
  })

  it('trusts none by default and refuses a malformed entry', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.1', trustedProxyList(''))).toBe('127.0.0.1')
    expect(() => trustedProxyList('proxy.local')).toThrow('NUXT_TRUSTED_PROXIES: "proxy.local"')
  })
})
