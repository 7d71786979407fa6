import type { MiddlewareHandler } from 'hono'
import type { SimEnv } from './http/sim-env'
import type { RequestLogEntry } from './state/request-log-entry'
import type { SimState } from './state/sim-state'

export const controlPrefix = '/_simulator'

/** Records every non-control request, including those answered by a fault, so tests can count calls. */
export function requestLog(state: SimState): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const at = state.clock.now()
    await next()
    if (!c.req.path.startsWith(controlPrefix)) {
      state.requestLog.push({ method: c.req.method, path: c.req.path, status: c.res.status, at })
    }
  }
}

export function filterRequestLog(log: readonly RequestLogEntry[], pathPrefix?: string): RequestLogEntry[] {
  return pathPrefix ? log.filter((entry) => entry.path.startsWith(pathPrefix)) : [...log]
}

/** `"POST /oauth/v1/token" → 3`, for quick assertions on call counts. */
export function countRequests(log: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const entry of log) {
    const key = `${entry.method} ${entry.path}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}
