import type { MiddlewareHandler } from 'hono'
import type { SimState } from '../state/sim-state'
import type { SimEnv } from './sim-env'

/** HubSpot puts the same id in `X-HubSpot-Correlation-Id` and in error bodies; so do we, from a seeded stream. */
export function correlationId(state: SimState): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const id = state.random.uuid('correlation-id')
    c.set('correlationId', id)
    await next()
    c.res.headers.set('X-HubSpot-Correlation-Id', id)
  }
}
