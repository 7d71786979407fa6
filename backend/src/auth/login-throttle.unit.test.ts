import { describe, expect, it } from 'vitest'
import { failurePauseMs } from './login-throttle'

describe('failurePauseMs', () => {
  it.each([
    [1, 0],
    [20, 0],
    [21, 250],
    [22, 500],
    [23, 1000],
    [26, 8000],
    [27, 10_000],
    [10_000, 10_000],
  ])('after %i failures for one email, waits %i ms', (failures, ms) => {
    expect(failurePauseMs(failures)).toBe(ms)
  })
})
