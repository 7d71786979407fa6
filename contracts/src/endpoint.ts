import { z } from 'zod'
import type { ErrorCode } from './errors'
import type { Permission } from './roles'
import { edgeErrorCodes } from './errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One HTTP endpoint, defined once: the backend registers its route from it and can answer only the
 * errors it lists, the frontend's `apiFetch` and the tests' agent call through the same object.
 */
export interface Endpoint {
  method: HttpMethod
  /** `:name` segments are path parameters, parsed with `params`. */
  path: `/api/${string}`
  /** `session`: only a signed-in person may call it (so `unauthenticated` is one of its errors). */
  auth: 'session' | 'public'
  /**
   * What the caller's role in the session's workspace must allow (contracts/src/roles.ts); every
   * `session` endpoint names one, and the route refuses the others with `forbidden`.
   */
  permission?: Permission
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  /** The body of a success; `z.undefined()` for an answer without one (204). */
  response: z.ZodType
  /** The success status: 200 unless given. */
  status?: 201 | 202 | 204
  /** A download instead of JSON. */
  contentType?: 'text/csv'
  /** Every error code it may answer with. An unexpected exception answers `server_error` on top. */
  errors: readonly ErrorCode[]
}

/**
 * Checks a definition and keeps its literal types (method, path, the error list), which the route,
 * `apiFetch` and the tests narrow on.
 * @example
 * export const getPortalDetails = endpoint({
 *   method: 'GET', path: '/api/v1/integrations/hubspot/portal', auth: 'session',
 *   response: portalDetailsResponseSchema, errors: portalDetailsErrors,
 * })
 */
export function endpoint<const E extends Endpoint>(definition: E): E {
  return definition
}

/** The error codes an endpoint may answer with (the route can answer no other). */
export type EndpointErrorCode<E extends Endpoint> = E['errors'][number]

/** What a success carries, parsed. */
export type EndpointResponse<E extends Endpoint> = z.output<E['response']>

/** The success status. */
export type EndpointStatus<E extends Endpoint> = E extends { status: infer S } ? S : 200

type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never

/** Path parameters by name, as they go in the URL. */
export type EndpointParams<E extends Endpoint> = Record<ParamNames<E['path']>, string>

/** Query parameters as they go in the URL: the query schema's keys, each a string. */
export type EndpointQuery<E extends Endpoint> = E extends { query: infer Q extends z.ZodType }
  ? { [K in keyof z.input<Q>]?: string }
  : never

/** What a caller sends: path parameters, query and body, each only where the endpoint has one. */
export type EndpointInput<E extends Endpoint> = ([ParamNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: EndpointParams<E> }) &
  (E extends { query: z.ZodType } ? { query?: EndpointQuery<E> } : { query?: undefined }) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined })

/** `[input]` when the endpoint needs one, `[input?]` when everything in it is optional. */
export type EndpointArgs<E extends Endpoint> =
  object extends EndpointInput<E> ? [input?: EndpointInput<E>] : [input: EndpointInput<E>]

/**
 * The URL a call goes to: path parameters filled in, query parameters appended in the order given
 * (undefined ones left out).
 * @example endpointUrl(getCompanyDetail, { params: { id: '42' } }) === '/api/v1/companies/42'
 */
export function endpointUrl<E extends Endpoint>(
  definition: E,
  input: { params?: Record<string, string>; query?: Record<string, string | undefined> } = {},
): string {
  const path = definition.path.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = input.params?.[name]
    if (value === undefined) throw new Error(`${definition.method} ${definition.path}: missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(input.query ?? {})) if (value !== undefined) query.set(key, value)
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

/**
 * The error body an endpoint may answer with: the common envelope, its code narrowed to the
 * endpoint's list (plus the edge's codes, such as `server_error`, which any endpoint can meet).
 */
export function endpointErrorSchema<E extends Endpoint>(definition: E) {
  return z.object({
    error: z.object({
      code: z.enum([...edgeErrorCodes, ...(definition.errors as readonly EndpointErrorCode<E>[])]),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
}
