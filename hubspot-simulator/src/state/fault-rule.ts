/** An armed fault (see faults.ts): answers the next `remaining` matching requests with `status`, after `delayMs`. */
export interface FaultRule {
  pathPrefix?: string
  status: number
  remaining: number
  delayMs: number
}
