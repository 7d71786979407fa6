/** `background`: served only when no `normal` request is waiting for the same budget. */
export type RequestPriority = 'normal' | 'background'

interface Slot {
  /** When the slot was taken, moved to when its answer came back once `done` is called. */
  at: number
  startedAt: number
}

/**
 * A rolling-window request budget: at most `limit` requests in any `windowMs`. Callers wait for a
 * slot instead of sending and collecting 429s. HubSpot's own count (X-HubSpot-RateLimit-Remaining)
 * can lower what is left when other clients share the portal's budget.
 *
 * HubSpot counts a request when it arrives, somewhere between when it left and when its answer came
 * back; a busy event loop can hold requests back for seconds and let them arrive bunched. So a slot is
 * held from the start until a window after the answer (the `done` that `acquire` hands back): however
 * late a request arrived, the window it arrived in never sees more than `limit`.
 *
 * Waiters are served in order, except that `background` ones wait while any `normal` one does, and
 * never take the last `reserve` slots of the window: bulk reads that only fill what is left (a first
 * import's association lane) never hold back a request that something else is blocked on (the next
 * page of a sequential list). Priority alone is not enough: background reads that filled the whole
 * window left a normal request waiting for the oldest slot to expire, seconds at a time.
 *
 * With `burst`, at most that many requests start in any tenth of the window. Without it, a budget kept
 * full for a while turns into convoys: all `limit` slots free at once a window after they were taken
 * together, are taken together again, and a request that just misses one waits most of a window.
 */
export class RollingWindowLimiter {
  private slots: Slot[] = []
  private waiters: Record<RequestPriority, ((slot: Slot) => void)[]> = { normal: [], background: [] }
  private timer: NodeJS.Timeout | null = null
  /** Until this time, no request starts (HubSpot told us the window is spent). */
  private pausedUntil = 0

  constructor(
    private limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly burst: number = Number.POSITIVE_INFINITY,
    private readonly reserve: number = 0,
  ) {}

  get capacity(): number {
    return this.limit
  }

  /** Waits for a slot; call the returned `done` when the answer is in (a slot never released ends at its start). */
  async acquire(priority: RequestPriority = 'normal'): Promise<() => void> {
    const ahead = priority === 'normal' ? this.waiters.normal.length : this.waiting()
    const slot =
      (ahead === 0 ? this.tryStart(priority) : null) ??
      (await new Promise<Slot>((resolve) => {
        this.waiters[priority].push(resolve)
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

  private tryStart(priority: RequestPriority): Slot | null {
    const now = this.now()
    this.slots = this.slots.filter((slot) => slot.at > now - this.windowMs)
    if (this.freeAt(now, priority) > now) return null
    const slot = { at: now, startedAt: now }
    this.slots.push(slot)
    return slot
  }

  /** The earliest time a request may start: a slot in the window free, the burst allowance not spent, no pause. */
  private freeAt(now: number, priority: RequestPriority): number {
    let at = Math.max(now, this.pausedUntil)
    const usable = priority === 'normal' ? this.limit : Math.max(1, this.limit - this.reserve)
    if (this.slots.length >= usable) {
      // The window has room for this priority again once enough of the oldest slots have expired.
      const ends = this.slots.map((s) => s.at).sort((a, b) => a - b)
      at = Math.max(at, ends[this.slots.length - usable]! + this.windowMs)
    }
    const burstMs = this.windowMs / 10
    const recent = this.slots.filter((slot) => slot.startedAt > now - burstMs)
    if (recent.length >= this.burst) at = Math.max(at, Math.min(...recent.map((s) => s.startedAt)) + burstMs)
    return at
  }

  private nextPriority(): RequestPriority {
    return this.waiters.normal.length > 0 ? 'normal' : 'background'
  }

  private waiting(): number {
    return this.waiters.normal.length + this.waiters.background.length
  }

  private schedule(): void {
    if (this.timer || this.waiting() === 0) return
    const now = this.now()
    const delay = Math.max(1, this.freeAt(now, this.nextPriority()) - now)
    this.timer = setTimeout(() => {
      this.timer = null
      while (this.waiting() > 0) {
        const priority = this.nextPriority()
        const slot = this.tryStart(priority)
        if (!slot) break
        this.waiters[priority].shift()!(slot)
      }
      this.schedule()
    }, delay)
    this.timer.unref?.()
  }
}
