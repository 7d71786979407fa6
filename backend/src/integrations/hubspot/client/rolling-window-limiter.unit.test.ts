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

describe('rolling-window limiter, priorities and bursts', () => {
  it('serves a waiting normal request before background ones that queued earlier', async () => {
    const limiter = new RollingWindowLimiter(1, 100)
    await limiter.acquire()
    const order: string[] = []
    const background = [1, 2, 3].map((n) => limiter.acquire('background').then(() => order.push(`background ${n}`)))
    const normal = limiter.acquire('normal').then(() => order.push('normal'))
    await Promise.all([...background, normal])
    expect(order).toEqual(['normal', 'background 1', 'background 2', 'background 3'])
  })

  it('with a burst limit, a full budget starts requests spread over the window, not in one convoy', async () => {
    const limiter = new RollingWindowLimiter(10, 500, Date.now, 2)
    const t0 = Date.now()
    const started: number[] = []
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        await limiter.acquire()
        started.push(Date.now() - t0)
      }),
    )
    started.sort((a, b) => a - b)
    // Two per tenth of the window (50 ms): the tenth start comes four tenths in, not at once.
    expect(started.slice(0, 2).every((t) => t < 40)).toBe(true)
    expect(started[2]!).toBeGreaterThanOrEqual(45)
    expect(started[9]!).toBeGreaterThanOrEqual(195)
    expect(started[9]!).toBeLessThan(450)
  })
})

describe('rolling-window limiter, the reserve for normal requests', () => {
  it('keeps the last slots of a window from background requests, so a normal one starts at once', async () => {
    let now = 0
    const limiter = new RollingWindowLimiter(10, 100, () => now, Number.POSITIVE_INFINITY, 2)
    const background: number[] = []
    const pending = Array.from({ length: 10 }, (_, i) => limiter.acquire('background').then(() => background.push(i)))
    await new Promise((resolve) => setTimeout(resolve, 0))
    // Eight of ten slots went to background reads; the other two wait for the window to roll.
    expect(background).toHaveLength(8)
    let normalStarted = false
    await limiter.acquire('normal').then(() => (normalStarted = true))
    expect(normalStarted).toBe(true)
    now = 101
    await Promise.all(pending)
    expect(background).toHaveLength(10)
  })
})
