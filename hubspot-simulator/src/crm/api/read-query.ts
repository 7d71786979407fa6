import type { Context } from 'hono'
import type { SimEnv } from '../../http/sim-env'

/** `properties=a,b` and `properties=a&properties=b` (what @hubspot/api-client sends) both work; undefined if absent. */
export function queryList(c: Context<SimEnv>, name: string): string[] | undefined {
  const raw = c.req.queries(name)
  if (!raw) return undefined
  return raw
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '')
}

export function queryFlag(c: Context<SimEnv>, name: string): boolean {
  return c.req.query(name)?.toLowerCase() === 'true'
}

/** An integer in [1, max], `fallback` when absent; undefined means "answer 400". */
export function queryLimit(c: Context<SimEnv>, fallback: number, max: number): number | undefined {
  const raw = c.req.query('limit')
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw)) return undefined
  const limit = Number(raw)
  return limit >= 1 && limit <= max ? limit : undefined
}
