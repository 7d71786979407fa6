/**
 * A rolling-window request budget: at most `limit` requests in any `windowMs`. Callers wait for a
 * slot instead of sending and collecting 429s. HubSpot's own count (X-HubSpot-RateLimit-Remaining)
 * can lower what is left when other clients share the portal's budget.
 *
 * HubSpot counts a request when it arrives, somewhere between when it left and when its answer came
 * back; a busy event loop can hold requests back for seconds and let them arrive bunched. So a slot is
 * held from the start until a window after the answer (the `done` that `acquire` hands back): however
 * late a request arrived, the window it arrived in never sees more than `limit`.
 */
export class RollingWindowLimiter {
  /** When each slot was taken, moved to when its answer came back once `done` is called. */
  private slots: { at: number }[] = []
  private waiters: ((slot: { at: number }) => void)[] = []
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

  /** Waits for a slot; call the returned `done` when the answer is in (a slot never released ends at its start). */
  async acquire(): Promise<() => void> {
    const slot =
      (this.waiters.length === 0 ? this.tryStart() : null) ??
      (await new Promise<{ at: number }>((resolve) => {
        this.waiters.push(resolve)
        this.schedule()
      }))
    return () => {
      slot.at = Math.max(slot.at, this.now())
    }
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

  private tryStart(): { at: number } | null {
    const now = this.now()
    if (now < this.pausedUntil) return null
    this.slots = this.slots.filter((slot) => slot.at > now - this.windowMs)
    if (this.slots.length >= this.limit) return null
    const slot = { at: now }
    this.slots.push(slot)
    return slot
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return
    const now = this.now()
    const full = this.slots.length >= this.limit
    const freeAt = full ? Math.min(...this.slots.map((slot) => slot.at)) + this.windowMs : now
    const delay = Math.max(1, Math.max(freeAt, this.pausedUntil) - now)
    this.timer = setTimeout(() => {
      this.timer = null
      while (this.waiters.length > 0) {
        const slot = this.tryStart()
        if (!slot) break
        this.waiters.shift()!(slot)
      }
      this.schedule()
    }, delay)
    this.timer.unref?.()
  }
}
