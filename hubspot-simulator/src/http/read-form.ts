import type { Context } from 'hono'
import type { Result } from '../result'
import { err, ok } from '../result'

export type FormParams = Record<string, string | undefined>

/**
 * HubSpot's OAuth endpoints take `application/x-www-form-urlencoded` only. v1 also read query
 * parameters (`allowQuery`), with body values winning.
 */
export async function readForm(
  c: Context,
  options: { allowQuery: boolean },
): Promise<Result<FormParams, 'BAD_CONTENT_TYPE'>> {
  const query = options.allowQuery ? Object.fromEntries(new URL(c.req.url).searchParams) : {}
  const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (contentType === 'application/x-www-form-urlencoded') {
    const body = Object.fromEntries(new URLSearchParams(await c.req.text()))
    return ok({ ...query, ...body })
  }
  // A v1 call that sends everything in the query string has no body and no content type.
  if (options.allowQuery && contentType === undefined && Object.keys(query).length > 0) return ok(query)
  return err('BAD_CONTENT_TYPE')
}
