export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

/** The simulator's clock: an injected (or real) base clock plus an offset that tests move forward. */
export interface SimClock extends Clock {
  advance(ms: number): void
  resetOffset(): void
}

export const systemClock: Clock = { now: () => Date.now() }

export function createSimClock(base: Clock = systemClock): SimClock {
  let offset = 0
  return {
    now: () => base.now() + offset,
    advance: (ms) => {
      offset += ms
    },
    resetOffset: () => {
      offset = 0
    },
  }
}
