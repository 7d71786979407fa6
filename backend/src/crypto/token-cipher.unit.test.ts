import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseKeyRing } from './key-ring'
import { createTokenCipher } from './token-cipher'

const key = () => randomBytes(32).toString('base64')
const ring = (spec: string) => {
  const parsed = parseKeyRing(spec)
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  return parsed.ring
}
const context = { table: 'integrations', rowId: 'row-1', column: 'access_token' }

describe('token cipher', () => {
  it('seals with the newest key and opens with any key still in the ring', () => {
    const oldKey = key()
    const before = createTokenCipher(ring(`old:${oldKey}`))
    const sealed = before.seal('secret-token', context)
    expect(sealed).toMatch(/^v1\.old\./)
    const after = createTokenCipher(ring(`new:${key()},old:${oldKey}`))
    expect(after.open(sealed, context)).toEqual({ ok: true, value: 'secret-token' })
    expect(after.seal('secret-token', context)).toMatch(/^v1\.new\./)
    expect(after.keyIdOf(sealed)).toBe('old')
  })

  it('never produces the same ciphertext twice for one value', () => {
    const cipher = createTokenCipher(ring(`k:${key()}`))
    expect(cipher.seal('same', context)).not.toBe(cipher.seal('same', context))
  })

  it.each([
    ['another row', { ...context, rowId: 'row-2' }],
    ['another column', { ...context, column: 'refresh_token' }],
    ['another table', { ...context, table: 'oauth_states' }],
  ])('fails closed when opened for %s', (_label, other) => {
    const cipher = createTokenCipher(ring(`k:${key()}`))
    expect(cipher.open(cipher.seal('secret', context), other)).toEqual({ ok: false, error: 'tampered' })
  })

  it.each(['', 'v1.k.a.b', 'v2.k.a.b.c', 'v1.k.!!.b.c', 'plaintext'])('rejects malformed value %j', (value) => {
    const cipher = createTokenCipher(ring(`k:${key()}`))
    expect(cipher.open(value, context)).toEqual({ ok: false, error: 'malformed' })
  })

  it('rejects a truncated tag and an unknown key id', () => {
    const cipher = createTokenCipher(ring(`k:${key()}`))
    const parts = cipher.seal('secret', context).split('.')
    expect(cipher.open([...parts.slice(0, 4), 'AAAA'].join('.'), context)).toEqual({ ok: false, error: 'malformed' })
    expect(cipher.open(['v1', 'gone', ...parts.slice(2)].join('.'), context)).toEqual({
      ok: false,
      error: 'unknown_key',
    })
  })
})

describe('key ring parsing', () => {
  it.each([
    ['', 'needs at least one'],
    ['nokey', 'key id must be'],
    [`k:${randomBytes(16).toString('base64')}`, 'must be 32 bytes'],
    [`k:${randomBytes(32).toString('base64')},k:${randomBytes(32).toString('base64')}`, 'listed twice'],
    ['bad id!:AAAA', 'key id must be'],
  ])('refuses %j', (value, problem) => {
    const parsed = parseKeyRing(value)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems.join(' ')).toContain(problem)
  })
})
