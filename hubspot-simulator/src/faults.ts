import type { Context, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { hubspotError } from './http/hubspot-error'
import type { SimEnv } from './http/sim-env'
import { controlPrefix } from './request-log'
import type { FaultRule } from './state/fault-rule'
import type { SimState } from './state/sim-state'

export const faultRuleSchema = z.strictObject({
  pathPrefix: z.string().startsWith('/').optional(),
  /** 0 = drop the connection (see `droppedHeader`); 200 = answer normally, only late (a slow HubSpot); otherwise an HTTP status 400–599. */
  status: z.union([z.literal(0), z.literal(200), z.number().int().min(400).max(599)]),
  count: z.number().int().positive(),
  /** Real milliseconds (not the simulator clock) to wait before answering; models slow responses and timeouts. */
  delayMs: z.number().int().min(0).max(120_000).optional(),
})

export type FaultRuleInput = z.infer<typeof faultRuleSchema>

/**
 * A "dropped" request is answered 504 with this header. Simulator.fetch turns it into the
 * `TypeError('fetch failed')` a real dropped connection produces; over real HTTP the client sees the 504.
 */
export const droppedHeader = 'x-simulator-dropped'

export function addFaultRule(state: SimState, input: FaultRuleInput): void {
  state.faults.push({
    ...(input.pathPrefix === undefined ? {} : { pathPrefix: input.pathPrefix }),
    status: input.status,
    remaining: input.count,
    delayMs: input.delayMs ?? 0,
  })
}

/** Adds the latency setting, then answers the next matching non-control requests with the configured fault. */
export function faults(state: SimState): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    if (c.req.path.startsWith(controlPrefix)) return next()
    // Every API call pays the configured latency (benchmarks use 250 ms, as a distant HubSpot would).
    if (state.settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.settings.latencyMs))
    const rule = takeMatchingRule(state, c.req.path)
    if (!rule) return next()
    if (rule.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, rule.delayMs))
    if (rule.status === 200) return next()
    return faultResponse(c, rule.status)
  }
}

function takeMatchingRule(state: SimState, path: string): FaultRule | undefined {
  const index = state.faults.findIndex((rule) => rule.pathPrefix === undefined || path.startsWith(rule.pathPrefix))
  const rule = state.faults[index]
  if (!rule) return undefined
  rule.remaining -= 1
  if (rule.remaining <= 0) state.faults.splice(index, 1)
  return rule
}

function faultResponse(c: Context<SimEnv>, status: number): Response {
  if (status === 0) {
    return hubspotError(
      c,
      504,
      { message: 'Simulated dropped connection', category: 'GATEWAY_TIMEOUT' },
      { [droppedHeader]: 'true' },
    )
  }
  const httpStatus = status as ContentfulStatusCode
  if (status === 429) {
    // HubSpot's burst-limit body; @hubspot/api-client keys its retry on policyName.
    return c.json(
      {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: c.get('correlationId'),
        policyName: 'TEN_SECONDLY_ROLLING',
      },
      429,
    )
  }
  const headers: Record<string, string> = status === 477 ? { 'Retry-After': '1' } : {}
  return hubspotError(
    c,
    httpStatus,
    { message: faultMessages[status] ?? `Simulated failure (HTTP ${status})`, category: 'SIMULATED_FAULT' },
    headers,
  )
}

const faultMessages: Record<number, string> = {
  423: 'Locked. Please wait at least 2 seconds before retrying.',
  477: 'Migration in progress. Please retry after the Retry-After period.',
  500: 'internal error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
}
