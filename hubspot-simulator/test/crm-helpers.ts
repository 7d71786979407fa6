import type { Simulator, SimulatorOptions } from '../src/index'
import { createSimulator } from '../src/index'
import { apiHost, fixedClock } from './helpers'

/** A settable clock for rate-limit and data tests. */
export function movableClock(start = Date.parse('2026-09-01T12:00:00.000Z')): { now(): number; set(ms: number): void } {
  let now = start
  return { now: () => now, set: (ms) => void (now = ms) }
}

/** A simulator for CRM behaviour tests: fixed clock, rate limits off unless a test is about them. */
export function crmSimulator(options: SimulatorOptions = {}): Simulator {
  return createSimulator({
    seed: 'crm-tests',
    clock: fixedClock(),
    ...options,
    settings: { rateLimitsEnabled: false, ...options.settings },
  })
}

export function privateToken(sim: Simulator, portalId = 2000001): string {
  const portal = sim.portals.find((p) => p.portalId === portalId)
  if (!portal) throw new Error(`no portal ${portalId}`)
  return portal.privateAppToken
}

export interface ApiAnswer {
  status: number
  // Tests read arbitrary HubSpot JSON; shapes are asserted, not trusted.
  body: Record<string, unknown> & { results?: Record<string, unknown>[] }
  headers: Headers
}

/** One API call with a bearer token; JSON in and out. */
export async function api(
  sim: Simulator,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const response = await sim.fetch(`${apiHost}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as ApiAnswer['body']),
    headers: response.headers,
  }
}

export async function control(sim: Simulator, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
  const response = await sim.fetch(`${apiHost}/_simulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as ApiAnswer['body']),
    headers: response.headers,
  }
}

export function ids(answer: ApiAnswer): string[] {
  return (answer.body.results ?? []).map((result) => String(result.id))
}
