import { apiErrorSchema, errorMessages, isErrorCode } from '@churnlens/contracts'
import type { ErrorCode } from '@churnlens/contracts'

/** Codes the browser produces itself, when the API could not be reached or answered outside the contract. */
export type ClientErrorCode = 'network_error' | 'unexpected_response'
export type AppErrorCode = ErrorCode | ClientErrorCode

export interface FieldIssue {
  path: string
  message: string
}

export interface AppError {
  code: AppErrorCode
  message: string
  issues?: FieldIssue[]
}

export type ApiResult<T> = { ok: true, data: T } | { ok: false, error: AppError }

/** The one method of a zod schema we need; keeps zod itself out of the frontend's dependencies. */
export interface ResponseSchema<T> {
  safeParse: (data: unknown) => { success: true, data: T } | { success: false }
}

const clientMessages: Record<ClientErrorCode, string> = {
  network_error: 'We could not reach Churnlens. Check your connection and try again.',
  unexpected_response: 'Something went wrong on our side. Please try again.',
}

/** The sentence a person reads for an error code. */
export function messageForCode(code: AppErrorCode): string {
  return isErrorCode(code) ? errorMessages[code] : clientMessages[code]
}

function failure(code: AppErrorCode, issues?: FieldIssue[]): { ok: false, error: AppError } {
  return { ok: false, error: issues ? { code, message: messageForCode(code), issues } : { code, message: messageForCode(code) } }
}

/** For answers without a body (204). */
export const noContent: ResponseSchema<undefined> = { safeParse: () => ({ success: true, data: undefined }) }

interface ApiFetchOptions<T> {
  /** Parses the success body: a contract schema, or `noContent`. */
  schema: ResponseSchema<T>
  method?: 'GET' | 'POST' | 'DELETE'
  /** Sent as JSON; every POST to the API must be JSON, even an empty `{}`. */
  body?: object
}

const TIMEOUT_MS = 20_000

/**
 * Calls the Churnlens API and never throws: the result is either the parsed body or a coded error.
 * @example const me = await apiFetch('/api/v1/me', { schema: meSchema })
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions<T>): Promise<ApiResult<T>> {
  const method = options.method ?? (options.body ? 'POST' : 'GET')
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: options.body ? { 'content-type': 'application/json', 'accept': 'application/json' } : { accept: 'application/json' },
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  }
  catch {
    return failure('network_error')
  }

  const json = await readJson(response)
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(json)
    if (parsed.success) return failure(parsed.data.error.code, parsed.data.error.issues)
    // Gateways answer 502-504 in their own format when the backend is down.
    return failure(response.status >= 502 && response.status <= 504 ? 'network_error' : 'unexpected_response')
  }

  const parsed = options.schema.safeParse(json)
  return parsed.success ? { ok: true, data: parsed.data } : failure('unexpected_response')
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  try {
    return await response.json()
  }
  catch {
    return undefined
  }
}
