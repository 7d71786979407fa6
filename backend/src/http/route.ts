import type { Endpoint, EndpointErrorCode, EndpointResponse } from '@churnlens/contracts'
import { roleCan } from '@churnlens/contracts'
import type { Context, Hono } from 'hono'
import type { z } from 'zod'
import type { AppEnv, SessionInfo } from '../app-deps'
import { requireSession } from '../auth/load-session'
import type { FieldIssue } from './api-error'
import { apiError } from './api-error'
import { parseJsonBody } from './parse-json-body'

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined

/** A request that passed its endpoint's checks: the session it needs, and every input parsed. */
export interface RouteInput<E extends Endpoint> {
  session: E['auth'] extends 'session' ? SessionInfo : SessionInfo | null
  params: Parsed<E['params']>
  query: Parsed<E['query']>
  body: Parsed<E['body']>
}

export type RouteHandler<E extends Endpoint> = (
  c: Context<AppEnv>,
  input: RouteInput<E>,
) => Response | Promise<Response>

interface FailOptions {
  issues?: FieldIssue[]
  headers?: Record<string, string>
}

/**
 * Answers with one of the endpoint's own error codes; a code the endpoint does not list does not
 * type-check, so the contract is the whole truth about what callers can meet.
 */
export function fail<E extends Endpoint>(
  c: Context,
  _endpoint: E,
  code: EndpointErrorCode<E>,
  options: FailOptions = {},
): Response {
  return apiError(c, code, options)
}

/** Answers with the endpoint's success status and a body of its response type. */
export function reply<E extends Endpoint>(
  c: Context,
  endpoint: E,
  body: EndpointResponse<E>,
  headers: Record<string, string> = {},
): Response {
  const status = endpoint.status ?? 200
  if (status === 204) return c.body(null, 204, headers)
  if (endpoint.contentType)
    return c.body(String(body), status, { 'content-type': `${endpoint.contentType}; charset=utf-8`, ...headers })
  return c.json(body, status, headers)
}

const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))

/**
 * Registers an endpoint's route from its definition: method and path, the session check, and its
 * path parameters, query and JSON body parsed with the contract's schemas (a failure answers the
 * named 4xx the definition lists) before the handler runs.
 */
export function route<E extends Endpoint>(app: Hono<AppEnv>, endpoint: E, handler: RouteHandler<E>): void {
  // The definition's own unit test guarantees these codes are on its list.
  const inputError = (
    c: Context,
    code: 'not_found' | 'invalid_query' | 'invalid_body' | 'unsupported_media_type',
    issues?: FieldIssue[],
  ) => apiError(c, code, issues ? { issues } : {})
  const run = async (c: Context<AppEnv>) => {
    // The role check comes first: a role that may not call the endpoint learns nothing from its inputs.
    const session = c.get('session')
    if (endpoint.permission && session && !roleCan(session.role, endpoint.permission)) return apiError(c, 'forbidden')
    let params: unknown
    if (endpoint.params) {
      const parsed = endpoint.params.safeParse(c.req.param())
      if (!parsed.success) return inputError(c, 'not_found')
      params = parsed.data
    }
    let query: unknown
    if (endpoint.query) {
      const parsed = endpoint.query.safeParse(c.req.query())
      if (!parsed.success) return inputError(c, 'invalid_query', issuesOf(parsed.error))
      query = parsed.data
    }
    let body: unknown
    if (endpoint.body) {
      const parsed = await parseJsonBody(c, endpoint.body)
      if (!parsed.ok) return inputError(c, parsed.error.code, parsed.error.issues)
      body = parsed.value
    }
    // Each field was parsed with the schema its type names; the session was required when `auth` says so.
    return handler(c, { session, params, query, body } as RouteInput<E>)
  }
  // Contracts' own unit test holds every session endpoint to naming a permission; this makes a miss loud at boot.
  if (endpoint.auth === 'session' && !endpoint.permission)
    throw new Error(`${endpoint.method} ${endpoint.path} names no permission`)
  if (endpoint.auth === 'session') app.on(endpoint.method, endpoint.path, requireSession, run)
  else app.on(endpoint.method, endpoint.path, run)
}
