/**
 * A rolling-window request budget: at most `limit` starts in any `windowMs`. Callers wait for a
 * slot instead of sending and collecting 429s. HubSpot's own count (X-HubSpot-RateLimit-Remaining)
 * can lower what is left when other clients share the portal's budget.
 */
export class RollingWindowLimiter {
  private starts: number[] = []
  private waiters: (() => void)[] = []
  private timer: NodeJS.Timeout | null = null
  /** Until this time, no request starts (HubSpot told us the window is spent). */
  private pausedUntil = 0

  constructor(
    private limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get capacity(): number {
    return this.limit
  }

  async acquire(): Promise<void> {
    if (this.waiters.length === 0 && this.tryStart()) return
    await new Promise<void>((resolve) => {
      this.waiters.push(resolve)
      this.schedule()
    })
  }

  /** HubSpot's view of the window, from its rate-limit headers. */
  observe(max: number | null, remaining: number | null): void {
    if (max !== null && max > 0 && max < this.limit) this.limit = max
    if (remaining === 0) this.pauseFor(this.windowMs / 10)
  }

  /** A 429 despite our count: someone else spends this portal's budget too; stop for a while. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms)
    this.schedule()
  }

  private tryStart(): boolean {
    const now = this.now()
    if (now < this.pausedUntil) return false
    while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift()
    if (this.starts.length >= this.limit) return false
    this.starts.push(now)
    return true
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return
    const now = this.now()
    const oldest = this.starts[0]
    const freeAt = this.starts.length >= this.limit && oldest !== undefined ? oldest + this.windowMs : now
    const delay = Math.max(1, Math.max(freeAt, this.pausedUntil) - now)
    this.timer = setTimeout(() => {
      this.timer = null
      while (this.waiters.length > 0 && this.tryStart()) this.waiters.shift()!()
      this.schedule()
    }, delay)
    this.timer.unref?.()
  }
}
