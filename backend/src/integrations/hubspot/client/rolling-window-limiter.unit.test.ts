import { describe, expect, it } from 'vitest'
import { RollingWindowLimiter } from './rolling-window-limiter'

describe('rolling-window limiter', () => {
  it('lets `limit` starts through per window and makes the rest wait for the window to roll', async () => {
    const limiter = new RollingWindowLimiter(5, 200)
    const started: number[] = []
    const t0 = Date.now()
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        await limiter.acquire()
        started.push(Date.now() - t0)
      }),
    )
    started.sort((a, b) => a - b)
    expect(started.slice(0, 5).every((t) => t < 50)).toBe(true)
    expect(started[5]!).toBeGreaterThanOrEqual(190)
    expect(started[10]!).toBeGreaterThanOrEqual(390)
  })

  it("adopts a lower limit from HubSpot's headers and pauses when HubSpot says none remain", async () => {
    const limiter = new RollingWindowLimiter(110, 1000)
    limiter.observe(100, 50)
    expect(limiter.capacity).toBe(100)
    limiter.observe(100, 0)
    const t0 = Date.now()
    await limiter.acquire()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90)
  })
})
