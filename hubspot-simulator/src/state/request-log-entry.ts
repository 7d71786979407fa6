/** One non-control request the simulator answered, kept so tests can count calls. */
export interface RequestLogEntry {
  method: string
  path: string
  status: number
  /** Simulator clock, ms epoch. */
  at: number
}
