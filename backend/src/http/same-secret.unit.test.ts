import { describe, expect, it } from 'vitest'
import { sameSecret } from './same-secret'

describe('sameSecret', () => {
  it.each([
    ['Bearer abc', 'Bearer abc', true],
    ['Bearer abd', 'Bearer abc', false],
    ['Bearer ab', 'Bearer abc', false],
    ['', 'Bearer abc', false],
  ])('%j against %j: %s', (presented, expected, same) => {
    expect(sameSecret(presented, expected)).toBe(same)
  })
})
