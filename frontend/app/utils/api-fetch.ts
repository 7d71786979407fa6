import { endpointErrorSchema, endpointUrl, errorMessages, isErrorCode } from '@churnlens/contracts'
import type {
  EdgeErrorCode,
  Endpoint,
  EndpointArgs,
  EndpointErrorCode,
  EndpointResponse,
  ErrorCode,
} from '@churnlens/contracts'

/** Codes the browser produces itself, when the API could not be reached or answered outside the contract. */
export type ClientErrorCode = 'network_error' | 'unexpected_response'
export type AppErrorCode = ErrorCode | ClientErrorCode

export interface FieldIssue {
  path: string
  message: string
}

export interface AppError<C extends AppErrorCode = AppErrorCode> {
  code: C
  message: string
  issues?: FieldIssue[]
}

/** What a call can fail with: the endpoint's own codes, the edge's (`server_error` and the like, any endpoint can meet one), or the browser's. */
export type CallErrorCode<E extends Endpoint> = EndpointErrorCode<E> | EdgeErrorCode | ClientErrorCode

export type ApiResult<T, C extends AppErrorCode = AppErrorCode> =
  { ok: true; data: T } | { ok: false; error: AppError<C> }

/** The answer of one endpoint: its parsed response, or one of its error codes. */
export type EndpointResult<E extends Endpoint> = ApiResult<EndpointResponse<E>, CallErrorCode<E>>

const clientMessages: Record<ClientErrorCode, string> = {
  network_error: 'We could not reach Churnlens. Check your connection and try again.',
  unexpected_response: 'Something went wrong on our side. Please try again.',
}

/** The sentence a person reads for an error code. */
export function messageForCode(code: AppErrorCode): string {
  return isErrorCode(code) ? errorMessages[code] : clientMessages[code]
}

function failure<C extends AppErrorCode>(code: C, issues?: FieldIssue[]): { ok: false; error: AppError<C> } {
  return {
    ok: false,
    error: issues ? { code, message: messageForCode(code), issues } : { code, message: messageForCode(code) },
  }
}

const TIMEOUT_MS = 20_000

/**
 * Calls an endpoint through its definition in contracts/ and never throws: the result is the body
 * parsed with the endpoint's response schema, or one of the error codes the endpoint lists.
 * @example const me = await apiFetch(authApi.getMe)
 * @example const detail = await apiFetch(companiesApi.getDetail, { params: { id: '42' } })
 */
export async function apiFetch<E extends Endpoint>(
  endpoint: E,
  ...[input]: EndpointArgs<E>
): Promise<EndpointResult<E>> {
  // Every POST is JSON, even an empty `{}`: the backend never reads a form post.
  const body = input?.body ?? (endpoint.method === 'POST' ? {} : undefined)
  let response: Response
  try {
    response = await fetch(endpointUrl(endpoint, input ?? {}), {
      method: endpoint.method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch {
    return failure('network_error')
  }

  const json = await readJson(response)
  if (!response.ok) {
    const parsed = endpointErrorSchema(endpoint).safeParse(json)
    if (parsed.success) return failure(parsed.data.error.code, parsed.data.error.issues)
    // Gateways answer 502-504 in their own format when the backend is down.
    return failure(response.status >= 502 && response.status <= 504 ? 'network_error' : 'unexpected_response')
  }

  const parsed = endpoint.response.safeParse(json)
  // The endpoint's own response schema parsed it; TypeScript cannot follow a generic schema's output.
  return parsed.success ? { ok: true, data: parsed.data as EndpointResponse<E> } : failure('unexpected_response')
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}
