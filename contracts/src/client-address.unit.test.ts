import { describe, expect, it } from 'vitest'
import { resolveClientAddress, splitProxyList, trustedProxyList } from './client-address'

const trusted = trustedProxyList(['127.0.0.0/8', '::1', '10.0.0.0/8'])

describe('resolveClientAddress', () => {
  it.each([
    ['an untrusted peer, whatever it forwards', '198.51.100.9', '203.0.113.1', '198.51.100.9'],
    ['a trusted peer with nothing forwarded', '127.0.0.1', undefined, '127.0.0.1'],
    ['a trusted peer forwarding a client', '127.0.0.1', '203.0.113.1', '203.0.113.1'],
    ['a dual-stack loopback peer', '::ffff:127.0.0.1', '203.0.113.1', '203.0.113.1'],
    ['a chain of trusted proxies', '127.0.0.1', '203.0.113.1, 10.1.2.3', '203.0.113.1'],
    ['a forged first hop: the last untrusted hop wins', '127.0.0.1', '1.1.1.1, 203.0.113.1, 10.1.2.3', '203.0.113.1'],
    ['garbage in the header', '127.0.0.1', 'not-an-address', '127.0.0.1'],
    ['IPv6 loopback forwarding IPv6', '::1', '2001:db8::7', '2001:db8::7'],
  ])('%s', (_, peer, forwarded, client) => {
    expect(resolveClientAddress(peer, forwarded, trusted)).toBe(client)
  })

  it('trusts nothing with an empty list', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.1', trustedProxyList([]))).toBe('127.0.0.1')
  })

  it('reads a comma-separated setting and refuses a malformed entry', () => {
    const fromSetting = trustedProxyList(splitProxyList(' 10.0.0.0/8 , ::1,'))
    expect(resolveClientAddress('10.0.0.5', '1.1.1.1, 203.0.113.1', fromSetting)).toBe('203.0.113.1')
    expect(() => trustedProxyList(splitProxyList('proxy.local'))).toThrow('"proxy.local" is not an address')
  })
})
