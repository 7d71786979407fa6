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

describe('rolling-window limiter, slots held until the answer', () => {
  it('a slot is free again a window after its answer came back, not after it left', async () => {
    let now = 0
    const limiter = new RollingWindowLimiter(2, 1000, () => now)
    const first = await limiter.acquire()
    await limiter.acquire()
    // The first answer took 600 ms (a slow network or a busy event loop): HubSpot may have counted it at 599.
    now = 600
    first()
    now = 1000
    let third = false
    const waiting = limiter.acquire().then(() => (third = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    // At 1000 the second slot (started at 0, never released) is free, so the third may start.
    expect(third).toBe(true)
    let fourth = false
    void limiter.acquire().then(() => (fourth = true))
    now = 1500
    await new Promise((resolve) => setTimeout(resolve, 20))
    // The first slot is held until 1600, a window after its answer.
    expect(fourth).toBe(false)
    now = 1601
    await new Promise((resolve) => setTimeout(resolve, 650))
    expect(fourth).toBe(true)
    await waiting
  })
})
