import { describe, expect, it } from 'vitest'
import { describeExpiry } from '../src/api/describe-expiry'

describe('describeExpiry', () => {
  it.each([
    [-5, '0 second(s)'],
    [999, '0 second(s)'],
    [1000, '1 second(s)'],
    [3_599_999, '3599 second(s)'],
    [3_600_000, '1 hour(s)'],
    [86_399_999, '23 hour(s)'],
    [86_400_000, '1 day(s)'],
  ])('%i ms → %s', (ms, text) => {
    expect(describeExpiry(ms)).toBe(text)
  })
})
