export const hourMs = 3_600_000
export const dayMs = 86_400_000
export const weekMs = 7 * dayMs
export const yearMs = 365.25 * dayMs

/** History starts this many weeks (28 months) before `now`, so churn is seen across more than two years. */
export const historyWeeks = 122
/** Ground truth: churn within this many days after `now`. */
export const horizonDays = 90
/** Weeks simulated after `now`, covering the horizon. */
export const futureWeeks = Math.ceil(horizonDays / 7) + 1

/** Week index → its start (ms); week 0 starts `historyWeeks` weeks before now, week `historyWeeks` starts at now. */
export interface TimeGrid {
  now: number
  start: number
  /** Weeks simulated, history and future. */
  weeks: number
  /** Index of the week that starts at `now` (the first week wholly in the future). */
  nowWeek: number
}

export function createTimeGrid(now: number): TimeGrid {
  const start = now - historyWeeks * weekMs
  return { now, start, weeks: historyWeeks + futureWeeks, nowWeek: historyWeeks }
}

export function weekOf(grid: TimeGrid, at: number): number {
  return Math.floor((at - grid.start) / weekMs)
}

export function weekStart(grid: TimeGrid, week: number): number {
  return grid.start + week * weekMs
}
